using Microsoft.AspNetCore.Authentication;

namespace Atlas.Web.Hosting;

/// <summary>
/// The API's writers: <c>Authorization: Bearer atl_…</c>, a personal API token, signs the request in as the token's owner with
/// the same <see cref="EditorClaims"/> as the portal's cookie, so that the token is scoped like its owner. The write endpoints
/// accept this scheme only (a cookie would let another site's page write through a signed-in browser).
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";

    /// <summary>What the write endpoints require: a valid token of an enabled account that is not locked out.</summary>
    public static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder(Scheme)
        .RequireAuthenticatedUser().RequireClaim(EditorClaims.UserId).Build();

    /// <summary>The scheme; the tokens' store is Core's (<see cref="AccountsServices.AddAccounts"/>).</summary>
    public static AuthenticationBuilder AddApiTokens(this AuthenticationBuilder builder) =>
        builder.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, null);
}
