using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

/// <summary>The per-client limit holds across web instances, because its counters live in PostgreSQL.</summary>
public sealed class RateLimitTests(TestDatabase database) : IAsyncLifetime
{
    private const int Limit = 5;
    private AtlasApp _first = null!;
    private AtlasApp _second = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _first = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:RateLimit:RequestsPerMinute"] = $"{Limit}" });
        _second = _first.AnotherInstance();
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Past_the_limit_any_instance_answers_429_with_retry_after()
    {
        using var a = _first.CreateApiClient();
        using var b = _second.CreateApiClient();

        // A window may end during the test: start right after one begins.
        var now = DateTimeOffset.UtcNow;
        if (now.Second > 50) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second), Ct);

        var remaining = new List<int>();
        for (var i = 0; i < Limit; i++)
        {
            using var ok = await (i % 2 == 0 ? a : b).GetAsync("/api/v1/projects?limit=1", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal($"{Limit}", string.Join(',', ok.Headers.GetValues("RateLimit-Limit")));
            remaining.Add(int.Parse(string.Join(',', ok.Headers.GetValues("RateLimit-Remaining")), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal([4, 3, 2, 1, 0], remaining);

        using var limited = await b.GetAsync("/api/v1/projects?limit=1", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
        Assert.Equal(429, JsonNode.Parse(await limited.Content.ReadAsStringAsync(Ct))!["status"]!.GetValue<int>());

        using var portal = await a.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode); // the limit is the API's, not the portal's
    }

    [Fact]
    public async Task Far_from_the_limit_requests_are_counted_in_memory_then_shared()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:RateLimit:RequestsPerMinute"] = "200" });
        using var client = app.CreateApiClient();
        var now = DateTimeOffset.UtcNow;
        if (now.Second > 45) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second), Ct);

        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync("/ping-api-missing", Ct); // not /api: not counted
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }
        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync("/api/v1/stats", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await Task.Delay(600, Ct); // the background flush runs every 250 ms

        await using var conn = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var count = new Npgsql.NpgsqlCommand("SELECT coalesce(sum(requests), 0) FROM api_rate_windows", conn);
        Assert.Equal(50L, Convert.ToInt64(await count.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));

        // Past half the limit every request is shared before it is answered: the 201st is refused exactly.
        for (var i = 50; i < 200; i++)
        {
            using var response = await client.GetAsync("/api/v1/stats", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var limited = await client.GetAsync("/api/v1/stats", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
