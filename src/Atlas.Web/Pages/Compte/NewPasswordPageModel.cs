namespace Atlas.Web.Pages.Compte;

/// <summary>A page where a person chooses a new password, typed twice.</summary>
public abstract class NewPasswordPageModel : AccountPageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
    public string? NewPassword { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Saisissez une seconde fois le nouveau mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe saisis sont différents.")]
    public string? ConfirmPassword { get; set; }
}
