namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/mot-de-passe: a signed-in editor changes their password; their other sessions end.</summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class MotDePasseModel(UserManager<AtlasUser> users, SignInManager<AtlasUser> signIn) : NewPasswordPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    public string? CurrentPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await IdentityErrorFields.CheckPasswordAsync(users, user, NewPassword!, ModelState, nameof(NewPassword))) return Page();

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            IdentityErrorFields.AddTo(ModelState, result.Errors, nameof(NewPassword), currentPasswordField: nameof(CurrentPassword));
            return Page();
        }
        // The new security stamp ends the other sessions; this one carries on.
        await signIn.RefreshSignInAsync(user);
        Notice = "Votre mot de passe a été changé.";
        return RedirectToPage("/Compte/Index");
    }
}
