namespace Atlas.Web.Pages.Brouillons;

/// <summary>
/// /brouillons/{id}/supprimer: an authority editor confirms the deletion of a project or partnership they declared and that is
/// not approved yet (<see cref="Drafts.DeleteAsync"/>); it leaves their space and, if submitted, the review queue. Nothing was
/// published, so nothing goes to the bin: the draft is gone. Someone else's draft is refused, as its form is.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class BrouillonsSupprimerModel(Drafts drafts, EditorAccessor editors) : EditPageModel
{
    public Draft Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        switch (await drafts.DeleteAsync(editors.Current!, id, ct))
        {
            case EditResult.Saved:
                TempData[nameof(Notice)] = $"Le brouillon « {Draft.Title} » est supprimé.";
                return Redirect("/espace#brouillons");
            case EditResult.Forbidden:
                return Deny();
            case EditResult.Conflict:
                return Approved();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> PrepareAsync(long id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (await drafts.FindAsync(editor, id, ct) is not { } draft) return await drafts.ExistsAsync(id, ct) ? Deny() : NotFound();
        Draft = draft;
        return draft.Status == PendingChangeStatus.Approved ? Approved() : null;
    }

    /// <summary>Approved, the draft is the published record: deleted, if need be, as records are.</summary>
    private RedirectResult Approved()
    {
        TempData[nameof(Notice)] = "Ce brouillon est approuvé : il est publié, et ne se supprime plus comme un brouillon.";
        return Redirect("/espace#brouillons");
    }
}
