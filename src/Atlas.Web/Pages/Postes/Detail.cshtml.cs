namespace Atlas.Web.Pages.Postes;

/// <summary>/postes/{id}: a French diplomatic post, the countries it covers and its contacts (e-mails never in plain text).</summary>
public sealed class PostesDetailModel(DiplomaticPostQuery posts, EditorAccessor editors, EditingScope scope) : PageModel
{
    /// <summary>The confirmation of an edit just saved, shown once.</summary>
    [TempData]
    public string? Notice { get; set; }
    /// <summary>"Modifier" only for an editor whose scope covers the post: an administrator, the post's own correspondents.</summary>
    public bool MayEdit { get; private set; }
    public DiplomaticPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await posts.GetAsync(id, ct) is not { } post) return NotFound();
        Post = post;
        if (editors.Current is { } editor) MayEdit = await scope.MayEditDiplomaticPostAsync(editor, id, ct);
        return Page();
    }
}
