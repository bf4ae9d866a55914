using Microsoft.AspNetCore.Mvc.Filters;

namespace Atlas.Web.Pages.Shared;

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

    /// <summary>Where a sign-in leads: the given address if it is on this site, else the editor's space (issue 14). Never another site.</summary>
    protected string LocalOrSpace(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/espace";

    /// <summary>A form-wide error, shown above the form (data-testid="form-error").</summary>
    protected void FormError(string message) => ModelState.AddModelError("", message);

    protected static string Trimmed(string? value) => value?.Trim() ?? "";
}
