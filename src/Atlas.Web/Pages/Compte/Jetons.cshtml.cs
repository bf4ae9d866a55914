namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/jetons: an editor's personal API tokens — create one (its secret shown once), see them, revoke one.</summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class JetonsModel(EditorAccessor editors, ApiTokenStore tokens, TimeProvider clock) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Donnez un nom au jeton, par exemple « script d'import ».")]
    [StringLength(ApiToken.MaxNameLength, ErrorMessage = "Ce nom ne peut dépasser {1} caractères.")]
    public string? Name { get; set; }

    /// <summary>The last day the token works (yyyy-MM-dd, as a date field sends it); none: it works until revoked.</summary>
    [BindProperty]
    public string? ExpiresOn { get; set; }

    /// <summary>The secret of the token just created: shown on this answer only, never again.</summary>
    public CreatedApiToken? Created { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        Tokens = await tokens.ListAsync(editor.UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(ExpiresOn))
        {
            if (!DateOnly.TryParseExact(ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                ModelState.AddModelError(nameof(ExpiresOn), "Indiquez une date, par exemple 2026-12-31.");
            else if (day < DateOnly.FromDateTime(Now.UtcDateTime))
                ModelState.AddModelError(nameof(ExpiresOn), "La date d'expiration doit être aujourd'hui ou plus tard.");
            else
                expiresAt = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        if (ModelState.IsValid)
        {
            Created = await tokens.CreateAsync(editor.UserId, Name!.Trim(), expiresAt, ct);
            Name = null;
            ExpiresOn = null;
            ModelState.Clear();
        }
        Tokens = await tokens.ListAsync(editor.UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        Notice = await tokens.RevokeAsync(editor.UserId, id, ct)
            ? "Le jeton est révoqué : il ne permet plus d'écrire par l'API."
            : "Ce jeton n'existe pas ou est déjà révoqué.";
        return RedirectToPage();
    }

    public string State(ApiToken token) =>
        token.RevokedAt is { } revoked ? "révoqué le " + Day(revoked)
        : token.ExpiresAt is { } expires && expires <= Now ? "expiré"
        : "actif";

    public static string Day(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The last day a token works.</summary>
    public static string LastDay(DateTimeOffset expiresAt) => Day(expiresAt.AddDays(-1));
}
