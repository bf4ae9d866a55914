using System.Security.Claims;

namespace Atlas.Web.Hosting;

/// <summary>The <see cref="Editor"/> making the current request: null for the public.</summary>
public sealed class EditorAccessor(IHttpContextAccessor http)
{
    public Editor? Current => From(http.HttpContext?.User);

    /// <summary>The editor a principal carries (see <see cref="EditorClaimsPrincipalFactory"/>), or null when it carries none.</summary>
    public static Editor? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirstValue(EditorClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)) return null;
        if (!EnumCode<EditorRole>.TryParse(principal.FindFirstValue(EditorClaims.Role), out var role)) return null;
        return new Editor(userId, principal.FindFirstValue(EditorClaims.Name) ?? "", role,
            Id(principal, EditorClaims.DiplomaticPost), Id(principal, EditorClaims.LocalAuthority));
    }

    private static int? Id(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
