using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// Behind a reverse proxy the app believes X-Forwarded-For and X-Forwarded-Proto from the proxies it is told of (loopback by
/// default) and from no one else, so that each client has its own rate limit and spoofed headers change nothing; with an
/// HTTPS address to go to, plain HTTP is redirected there.
/// </summary>
public sealed class ProxyTests(TestDatabase database)
{
    private const string LowLimit = "2";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_have_their_own_rate_limit_and_scheme()
    {
        await using var app = KestrelApp.Start(await database.CreateDemoDatabaseAsync(),
            new Dictionary<string, string> { ["Atlas:RateLimit:RequestsPerMinute"] = LowLimit });
        using var client = KestrelApp.Client(app.Http);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "198.51.100.20"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var overTls = await client.SendAsync(request, Ct);
        Assert.True(overTls.Headers.Contains("Strict-Transport-Security"), "The proxy's TLS is the client's: HSTS is sent.");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        await using var app = KestrelApp.Start(await database.CreateDemoDatabaseAsync(), new Dictionary<string, string>
        {
            ["Atlas:RateLimit:RequestsPerMinute"] = LowLimit,
            ["Atlas:ForwardedHeaders:KnownProxies"] = "10.9.8.7",
        });
        using var client = KestrelApp.Client(app.Http);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "198.51.100.20"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(client, "192.0.2.99"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var spoofed = await client.SendAsync(request, Ct);
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_an_https_address_plain_http_is_redirected_there_but_health_probes_are_not()
    {
        await using var app = KestrelApp.Start(await database.CreateDemoDatabaseAsync(),
            new Dictionary<string, string> { ["https_port"] = "{httpsPort}" });
        using var client = KestrelApp.Client(app.Http);

        using var page = await client.GetAsync("/projets?pays=MA", Ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal(new Uri(app.Https, "/projets?pays=MA").ToString(), page.Headers.Location!.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        using var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/themes");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
