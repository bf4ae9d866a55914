namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/connexion: an editor signs in with their e-mail and password (then, if they enabled it, a code).</summary>
[AllowAnonymous]
[AccountFormRateLimit]
public sealed class ConnexionModel(SignInManager<AtlasUser> signIn) : AccountPageModel
{
    /// <summary>
    /// Every refusal, whether the address has no account, the password is wrong or the account is locked: one answer, so that
    /// the page tells no one who has an account. What a lock is, and the way out of it, is said to everyone.
    /// </summary>
    public static readonly string WrongCredentials =
        $"Adresse électronique ou mot de passe incorrect. Après {AccountsSetup.MaxFailedAttempts} échecs, un compte est verrouillé pendant " +
        $"{AccountsSetup.LockoutLength.TotalMinutes:0} minutes : « Mot de passe oublié » permet alors d'en choisir un nouveau et de se connecter aussitôt.";
    /// <summary>Only to whoever typed a disabled account's right password (see <see cref="AtlasSignInManager"/>).</summary>
    public const string Disabled = "Ce compte est désactivé. Adressez-vous à un administrateur de l'atlas.";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, comme nom@exemple.fr.")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = AccountsSetup.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    /// <summary>A form was posted after the session ended (<c>?session=expiree</c>, see <see cref="AccountsSetup"/>): the page says why it is here.</summary>
    public bool SessionEnded => Request.Query["session"] == "expiree";

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(LocalOrSpace(ReturnUrl));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Trimmed(Email), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(LocalOrSpace(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Compte/Connexion2fa", new { retour = LocalOrSpace(ReturnUrl) });
        FormError(result.IsNotAllowed ? Disabled : WrongCredentials);
        return Page();
    }
}
