namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/connexion-2fa: the second step of signing in, a code of the authenticator app or a recovery code.</summary>
[AllowAnonymous]
[AccountFormRateLimit]
public sealed class Connexion2faModel(SignInManager<AtlasUser> signIn) : AccountPageModel
{
    public const string WrongCode = "Ce code est incorrect ou a expiré.";
    /// <summary>Said here, not at the first step: whoever reaches this step has proven the password, and learns nothing new.</summary>
    public static readonly string LockedOut =
        $"Ce compte est verrouillé pour {AccountsSetup.LockoutLength.TotalMinutes:0} minutes après {AccountsSetup.MaxFailedAttempts} tentatives " +
        "infructueuses. Réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres de votre application, ou l'un de vos codes de secours.")]
    [StringLength(32, ErrorMessage = "Ce code est trop long.")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = AccountsSetup.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return SignInAgain();
        if (!ModelState.IsValid) return Page();

        var compact = new string(Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var digits = compact.Replace("-", "", StringComparison.Ordinal);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(compact);

        if (result.Succeeded) return LocalRedirect(LocalOrSpace(ReturnUrl));
        if (result.IsLockedOut) FormError(LockedOut);
        else if (result.IsNotAllowed) FormError(ConnexionModel.Disabled);
        else ModelState.AddModelError(nameof(Code), WrongCode);
        return Page();
    }

    // The first step is more than a few minutes old, or never happened.
    private RedirectToPageResult SignInAgain()
    {
        Notice = "Votre demande de connexion a expiré : saisissez à nouveau votre adresse et votre mot de passe.";
        return RedirectToPage("/Compte/Connexion", new { retour = LocalOrSpace(ReturnUrl) });
    }
}
