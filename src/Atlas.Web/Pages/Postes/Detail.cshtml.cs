namespace Atlas.Web.Pages.Postes;

/// <summary>/postes/{id}: a French diplomatic post, the countries it covers and its contacts (e-mails never in plain text).</summary>
public sealed class PostesDetailModel(DiplomaticPostQuery posts, EditorAccessor editors, EditingScope scope) : RecordPageModel(editors)
{
    public DiplomaticPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await posts.GetAsync(id, ct) is not { } post) return NotFound();
        Post = post;
        await EditorInScopeAsync(editor => scope.MayEditDiplomaticPostAsync(editor, id, ct));
        return Page();
    }
}
