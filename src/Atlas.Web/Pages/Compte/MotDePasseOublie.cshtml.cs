namespace Atlas.Web.Pages.Compte;

/// <summary>
/// /compte/mot-de-passe-oublie: sends a link to choose a new password. The answer is the same whether or not an
/// account has this address, so that the page tells nobody who has one.
/// </summary>
[AllowAnonymous]
[AccountFormRateLimit]
public sealed class MotDePasseOublieModel(UserManager<AtlasUser> users, PasswordResetLinks links) : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez l'adresse électronique de votre compte.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, comme nom@exemple.fr.")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true, Name = "envoye")]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Trimmed(Email));
        if (user is { IsDisabled: false }) await links.SendAsync(user, Request);
        return RedirectToPage(new { envoye = true });
    }
}
