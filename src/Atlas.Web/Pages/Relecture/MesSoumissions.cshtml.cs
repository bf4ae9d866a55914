namespace Atlas.Web.Pages.Relecture;

/// <summary>/relecture/mes-soumissions: the changes an editor submitted for review, where each stands and the reviewer's comment.</summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class MesSoumissionsModel(EditorAccessor editors, ReviewQueue queue) : AccountPageModel
{
    public IReadOnlyList<PendingChangeView> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        Changes = await queue.SubmittedByAsync(editor, ct);
        return Page();
    }
}
