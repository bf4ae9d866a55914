using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// Every route, in production settings, on Kestrel over HTTP and HTTPS: no Server header, the strict Content-Security-Policy,
/// HSTS for a year with subdomains over HTTPS only, and every cookie Secure.
/// </summary>
public sealed class TransportHeadersTests(TestDatabase database) : IAsyncLifetime
{
    private const string Hsts = "max-age=31536000; includeSubDomains";
    private KestrelApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = KestrelApp.Start(await database.CreateDemoDatabaseAsync());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_route_over_https_sends_hsts_and_the_csp_and_no_server_name()
    {
        using var client = KestrelApp.Client(_app.Https);
        var routes = Routes();
        Assert.True(routes.Count > 60, $"Only {routes.Count} routes found.");
        foreach (var (method, url) in routes)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
            var what = $"{method} {url} ({(int)response.StatusCode})";
            Assert.False(response.Headers.Contains("Server"), what + " names its server.");
            Assert.Equal(Hsts, Single(response, "Strict-Transport-Security", what));
            Assert.NotNull(SingleOrNull(response, "Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", Single(response, "Content-Security-Policy", what), StringComparison.Ordinal);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
                Assert.True(cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase), $"{what} sets a cookie that is not Secure: {cookie}");
        }
    }

    [Fact]
    public async Task Every_route_over_http_sends_no_hsts_and_no_server_name()
    {
        using var client = KestrelApp.Client(_app.Http);
        foreach (var (method, url) in Routes())
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
            var what = $"{method} {url} ({(int)response.StatusCode})";
            Assert.False(response.Headers.Contains("Server"), what + " names its server.");
            Assert.Null(SingleOrNull(response, "Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task The_forms_antiforgery_cookie_is_secure_and_http_only()
    {
        using var client = KestrelApp.Client(_app.Https);
        using var response = await client.GetAsync("/compte/connexion", Ct);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What middleware serves rather than an endpoint: Swagger UI (under the same strict policy) and static files.</summary>
    private static readonly (string Method, string Url)[] Served =
        [("GET", "/swagger/index.html"), ("GET", "/swagger/v1/swagger.json"), ("GET", "/css/atlas.css"), ("GET", "/nulle-part")];

    /// <summary>Each route of the app with a real value for each parameter, and the first method it answers.</summary>
    private List<(string Method, string Url)> Routes()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "1", ["code"] = "MA", ["key"] = "culture-patrimoine", ["slug"] = "projets-par-annee", ["type"] = "projet", ["kind"] = "project",
        };
        return _app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET", Url: Url(e.RoutePattern, values)))
            .Concat(Served)
            .Distinct()
            .OrderBy(r => r.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static string Url(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, Dictionary<string, string> values) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values.GetValueOrDefault(parameter.Name, "1"),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static string Single(HttpResponseMessage response, string header, string what) =>
        SingleOrNull(response, header) ?? throw new Xunit.Sdk.XunitException($"{what} has no {header}.");

    private static string? SingleOrNull(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values) ? string.Join(", ", values) : null;
}
