using System.Globalization;
using System.Security.Claims;
using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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

/// <summary>Puts the account's role and scope into its sign-in cookie, as <see cref="EditorClaims"/>.</summary>
public sealed class EditorClaimsPrincipalFactory(UserManager<AtlasUser> userManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AtlasUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AtlasUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var (type, value) in Claims(Editor.Of(user))) identity.AddClaim(new Claim(type, value));
        return identity;
    }

    public static IEnumerable<(string Type, string Value)> Claims(Editor editor)
    {
        yield return (EditorClaims.UserId, editor.UserId.ToString(CultureInfo.InvariantCulture));
        yield return (EditorClaims.Name, editor.Name);
        yield return (EditorClaims.Role, EnumCode<EditorRole>.ToCode(editor.Role));
        if (editor.DiplomaticPostId is { } post) yield return (EditorClaims.DiplomaticPost, post.ToString(CultureInfo.InvariantCulture));
        if (editor.LocalAuthorityId is { } authority) yield return (EditorClaims.LocalAuthority, authority.ToString(CultureInfo.InvariantCulture));
    }
}
