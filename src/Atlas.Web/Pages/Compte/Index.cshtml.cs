namespace Atlas.Web.Pages.Compte;

/// <summary>/compte: who is signed in, with which role and scope, and the account's settings.</summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class CompteIndexModel(EditorAccessor editors, AccountScopes scopes, UserManager<AtlasUser> users) : AccountPageModel
{
    public Editor Editor { get; private set; } = null!;
    public string? ScopeName { get; private set; }
    public string? Email { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor || await users.GetUserAsync(User) is not { } user) return Challenge();
        Editor = editor;
        ScopeName = await scopes.NameAsync(editor.DiplomaticPostId, editor.LocalAuthorityId, ct);
        Email = user.Email;
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
