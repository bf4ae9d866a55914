using System.Text;

namespace Atlas.Web.Pages.Compte;

/// <summary>
/// /compte/double-authentification: turns on sign-in with a code from an authenticator app (Identity's own TOTP:
/// RFC 6238, 30 s, 6 digits), shows the recovery codes once, turns it off.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class DoubleAuthentificationModel(UserManager<AtlasUser> users, SignInManager<AtlasUser> signIn, OperatorIdentity identity) : AccountPageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres qu'affiche l'application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
    public string? Code { get; set; }

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>The shared key, in groups of four letters, for typing into the app.</summary>
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    /// <summary>Recovery codes just generated: shown on this answer only.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostActiverAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (ModelState.IsValid)
        {
            var code = new string(Code!.Where(char.IsAsciiDigit).ToArray());
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
                await signIn.RefreshSignInAsync(user);
                ModelState.Clear();
            }
            else
            {
                ModelState.AddModelError(nameof(Code), "Ce code est incorrect. Vérifiez que l'heure de votre téléphone est juste et saisissez le code affiché maintenant.");
            }
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        ModelState.Clear();
        if (await users.GetTwoFactorEnabledAsync(user))
            NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDesactiverAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the app's old entry is worth nothing now (turning it on again replaces the recovery codes too).
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Notice = "La double authentification est désactivée.";
        return RedirectToPage();
    }

    private async Task LoadAsync(AtlasUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // the key's creation changed the security stamp
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Grouped(key.ToUpperInvariant());
        // The app lists the account under the operator's name (Atlas:Operator:Name), the name its pages carry.
        var issuer = Uri.EscapeDataString(identity.Name);
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}" +
            $"?secret={key.ToUpperInvariant()}&issuer={issuer}&algorithm=SHA1&digits=6&period=30";
    }

    private static string Grouped(string key)
    {
        var sb = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0) sb.Append(' ');
            sb.Append(key[i]);
        }
        return sb.ToString();
    }
}
