namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/deconnexion: signing out is a POST (a link or an image cannot sign anyone out); GET only offers the button.</summary>
[AllowAnonymous]
public sealed class DeconnexionModel(SignInManager<AtlasUser> signIn) : AccountPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Notice = "Vous êtes déconnecté.";
        return RedirectToPage("/Compte/Connexion");
    }
}
