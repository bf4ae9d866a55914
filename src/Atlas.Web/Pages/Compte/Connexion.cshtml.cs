using System.ComponentModel.DataAnnotations;
using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/connexion: an editor signs in with their e-mail and password (then, if they enabled it, a code).</summary>
[AllowAnonymous]
public sealed class ConnexionModel(SignInManager<AtlasUser> signIn, UserManager<AtlasUser> users) : AccountPageModel
{
    public const string WrongCredentials = "Adresse électronique ou mot de passe incorrect.";
    public static readonly string LockedOut =
        $"Ce compte est verrouillé pour {AccountsSetup.LockoutLength.TotalMinutes:0} minutes après {AccountsSetup.MaxFailedAttempts} tentatives " +
        "infructueuses. Réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».";
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

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(LocalOrHome(ReturnUrl));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Trimmed(Email), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(LocalOrHome(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("/Compte/Connexion2fa", new { retour = LocalOrHome(ReturnUrl) });
        if (result.IsLockedOut) FormError(LockedOut);
        else if (result.IsNotAllowed) FormError(await NotAllowedAsync());
        else FormError(WrongCredentials);
        return Page();
    }

    // Identity refuses a disabled account before looking at the password; say "disabled" only to whoever knows it,
    // and count the failures as for any account.
    private async Task<string> NotAllowedAsync()
    {
        var user = await users.FindByEmailAsync(Trimmed(Email));
        if (user is null) return WrongCredentials;
        if (await users.CheckPasswordAsync(user, Password!)) return Disabled;
        await users.AccessFailedAsync(user);
        return WrongCredentials;
    }
}
