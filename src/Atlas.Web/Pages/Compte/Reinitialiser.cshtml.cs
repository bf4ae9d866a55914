namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/reinitialiser?email=…&amp;code=…: the page a reset (or welcome) link opens, to choose a new password.</summary>
[AllowAnonymous]
public sealed class ReinitialiserModel(UserManager<AtlasUser> users, SignInManager<AtlasUser> signIn) : NewPasswordPageModel
{
    public const string InvalidLink = "Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.";

    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "Saisissez l'adresse électronique de votre compte.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, comme nom@exemple.fr.")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool LinkIsBroken => PasswordResetLinks.Decode(Code) is null;

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PasswordResetLinks.Decode(Code) is not { } token) return Page();
        if (!ModelState.IsValid) return Page();

        // An unknown address is told the link is no longer valid, as an expired one would be: nothing says who has an account.
        var user = await users.FindByEmailAsync(Trimmed(Email));
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AtlasUser>.ResetPasswordTokenPurpose, token))
        {
            FormError(InvalidLink);
            return Page();
        }
        if (!await IdentityErrorFields.CheckPasswordAsync(users, user, NewPassword!, ModelState, nameof(NewPassword))) return Page();

        var result = await users.ResetPasswordAsync(user, token, NewPassword!);
        if (!result.Succeeded)
        {
            IdentityErrorFields.AddTo(ModelState, result.Errors, nameof(NewPassword));
            return Page();
        }
        // Whoever proves they read the mailbox gets the account back now, not in a quarter of an hour.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignOutAsync();
        Notice = "Votre mot de passe a été enregistré. Connectez-vous avec ce nouveau mot de passe.";
        return RedirectToPage("/Compte/Connexion");
    }
}
