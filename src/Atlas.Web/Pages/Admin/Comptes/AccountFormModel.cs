using Atlas.Web.Pages.Compte;

namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>
/// The name, role and scope of an account, as the creation and edition pages ask for them. The scope is checked here,
/// field by field, before the database's own check (role ↔ scope) could ever see a mistake.
/// </summary>
public abstract class AccountFormModel(AccountScopes scopes) : AccountPageModel
{
    public const string SearchIntent = "chercher";

    public static readonly IReadOnlyList<FieldOption> RoleOptions = Enum.GetValues<EditorRole>()
        .Select(r => new FieldOption(EnumCode<EditorRole>.ToCode(r), AccountLabels.Role(r))).ToList();

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le nom de la personne.")]
    [StringLength(200, ErrorMessage = "Le nom compte au plus 200 caractères.")]
    public string? DisplayName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choisissez le rôle du compte.")]
    public string? Role { get; set; }

    [BindProperty]
    public int? DiplomaticPostId { get; set; }

    [BindProperty]
    public int? LocalAuthorityId { get; set; }

    /// <summary>Words of the authority's name, to find it among thousands.</summary>
    [BindProperty]
    [StringLength(100, ErrorMessage = "La recherche compte au plus 100 caractères.")]
    public string? AuthorityQuery { get; set; }

    /// <summary>Which button sent the form: <see cref="SearchIntent"/> only looks authorities up and saves nothing.</summary>
    [BindProperty]
    public string? Intent { get; set; }

    protected AccountScopes Scopes => scopes;

    public IReadOnlyList<FieldOption> PostOptions { get; private set; } = [];
    public IReadOnlyList<FieldOption> AuthorityOptions { get; private set; } = [];
    public bool SearchedAuthorities { get; private set; }

    protected bool IsSearch => Intent == SearchIntent;

    /// <summary>The role typed, when it is one.</summary>
    protected EditorRole? ParsedRole => EnumCode<EditorRole>.TryParse(Role, out var role) ? role : null;

    /// <summary>Looks authorities up and keeps everything else as typed, without a word of error.</summary>
    protected async Task SearchAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(AuthorityQuery))
            ModelState.AddModelError(nameof(AuthorityQuery), "Saisissez un ou plusieurs mots du nom de la collectivité.");
        await LoadOptionsAsync(ct);
        if (SearchedAuthorities && AuthorityOptions.Count == 0)
            ModelState.AddModelError(nameof(AuthorityQuery), "Aucune collectivité ne porte ce nom. Essayez avec moins de mots, ou sans accents.");
    }

    /// <summary>Checks the role and its scope; clears the scope a role does not have.</summary>
    protected async Task ValidateScopeAsync(CancellationToken ct)
    {
        var role = ParsedRole;
        if (role is null && !string.IsNullOrEmpty(Role)) ModelState.AddModelError(nameof(Role), "Choisissez l'un des rôles proposés.");
        if (role != EditorRole.Correspondent) DiplomaticPostId = null;
        if (role != EditorRole.AuthorityEditor) LocalAuthorityId = null;

        // A value that was not even a number already has its message.
        if (role == EditorRole.Correspondent && !HasError(nameof(DiplomaticPostId)))
        {
            if (DiplomaticPostId is not { } post)
                ModelState.AddModelError(nameof(DiplomaticPostId), "Choisissez le poste diplomatique dont ce correspondant tient les fiches.");
            else if (!await scopes.PostExistsAsync(post, ct))
                ModelState.AddModelError(nameof(DiplomaticPostId), "Ce poste diplomatique n'existe pas.");
        }
        if (role == EditorRole.AuthorityEditor && !HasError(nameof(LocalAuthorityId)))
        {
            if (LocalAuthorityId is not { } authority)
                ModelState.AddModelError(nameof(LocalAuthorityId), "Cherchez puis choisissez la collectivité dont ce compte tient les fiches.");
            else if (await scopes.AuthorityNameAsync(authority, ct) is null)
                ModelState.AddModelError(nameof(LocalAuthorityId), "Cette collectivité n'existe pas.");
        }
    }

    private bool HasError(string field) => ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    /// <summary>The embassies, and the authorities found by the search plus the one chosen.</summary>
    protected async Task LoadOptionsAsync(CancellationToken ct)
    {
        PostOptions = await scopes.PostsAsync(ct);
        var authorities = new List<FieldOption>();
        if (!string.IsNullOrWhiteSpace(AuthorityQuery))
        {
            SearchedAuthorities = true;
            authorities.AddRange(await scopes.SearchAuthoritiesAsync(AuthorityQuery.Trim(), ct));
        }
        var chosen = LocalAuthorityId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (LocalAuthorityId is { } id && authorities.All(o => o.Value != chosen) && await scopes.AuthorityNameAsync(id, ct) is { } name)
            authorities.Insert(0, new FieldOption(chosen!, name));
        if (LocalAuthorityId is null && SearchedAuthorities && authorities.Count == 1)
            LocalAuthorityId = int.Parse(authorities[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        AuthorityOptions = authorities;
    }
}
