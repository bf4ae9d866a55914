using System.Security.Claims;

namespace Atlas.Web.Hosting;

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
