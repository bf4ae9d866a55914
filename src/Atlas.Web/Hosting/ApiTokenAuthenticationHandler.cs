using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Hosting;

internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenStore tokens, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header[BearerPrefix.Length..].Trim();
        if (await tokens.AuthenticateAsync(secret, Context.RequestAborted) is not { } user)
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired, or its account is disabled or locked out.");

        var identity = new ClaimsIdentity(Scheme.Name, EditorClaims.Name, EditorClaims.Role);
        foreach (var (type, value) in EditorClaimsPrincipalFactory.Claims(Editor.Of(user))) identity.AddClaim(new Claim(type, value));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers[HeaderNames.WWWAuthenticate] = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure is null
            ? "Writing needs a personal API token: Authorization: Bearer atl_… (create one on the portal's /compte/jetons page)."
            : result.Failure.Message, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The token's account may not do this.",
            "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");

    private Task WriteProblemAsync(int status, string title, string detail, string type) =>
        problems.WriteProblemAsync(Context, status, title, detail, type).AsTask();
}
