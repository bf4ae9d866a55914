namespace Atlas.Web.Pages.Compte;

/// <summary>/compte/acces-refuse: where a signed-in person lands on a page their role does not open (answered with 403).</summary>
[AllowAnonymous]
public sealed class AccesRefuseModel : AccountPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
