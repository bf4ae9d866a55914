using System.ComponentModel.DataAnnotations;
using Atlas.Core.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Compte;

/// <summary>What the account and administration pages share: never cached, local return addresses only, a notice after a redirect.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>A confirmation shown once on the next page ("Votre mot de passe a été changé.").</summary>
    [TempData]
    public string? Notice { get; set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery wants it, so that it need not override it
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Where to go next: the given address if it is on this site, else the home page. Never another site.</summary>
    protected string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";

    /// <summary>A form-wide error, shown above the form (data-testid="form-error").</summary>
    protected void FormError(string message) => ModelState.AddModelError("", message);

    protected static string Trimmed(string? value) => value?.Trim() ?? "";
}

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

/// <summary>The French names of roles.</summary>
public static class AccountLabels
{
    public static string Role(EditorRole role) => role switch
    {
        EditorRole.Administrator => "Administrateur",
        EditorRole.Correspondent => "Correspondant d'un poste diplomatique",
        EditorRole.AuthorityEditor => "Éditeur d'une collectivité",
        _ => role.ToString(),
    };
}
