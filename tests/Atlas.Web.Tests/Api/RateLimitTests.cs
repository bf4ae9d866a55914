using System.Globalization;
using System.Text.Json.Nodes;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// The per-client limit holds across web instances, because its counters live in PostgreSQL. Time is a fake clock shared by
/// the instances, standing half-way through a minute until a test moves it: no window ends during a test, and the
/// background flush (which ticks on that clock) never runs unless a test moves it; tests flush the counters themselves.
/// </summary>
public sealed class RateLimitTests(TestDatabase database) : IAsyncLifetime
{
    private const int Limit = 5;
    private readonly FakeTimeProvider _clock = MidMinute();
    private AtlasApp _first = null!;
    private AtlasApp _second = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _first = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:RateLimit:RequestsPerMinute"] = $"{Limit}" },
            s => s.AddSingleton<TimeProvider>(_clock));
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

        var remaining = new List<int>();
        for (var i = 0; i < Limit; i++)
        {
            using var ok = await (i % 2 == 0 ? a : b).GetAsync("/api/v1/projects?limit=1", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal($"{Limit}", Header(ok, "RateLimit-Limit"));
            Assert.Equal("30", Header(ok, "RateLimit-Reset")); // half a minute to the window's end
            remaining.Add(int.Parse(Header(ok, "RateLimit-Remaining"), CultureInfo.InvariantCulture));
        }
        Assert.Equal([4, 3, 2, 1, 0], remaining);

        using var limited = await b.GetAsync("/api/v1/projects?limit=1", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(429, JsonNode.Parse(await limited.Content.ReadAsStringAsync(Ct))!["status"]!.GetValue<int>());
        using (var stillLimited = await a.GetAsync("/api/v1/projects?limit=1", Ct)) Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        using var portal = await a.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode); // the limit is the API's, not the portal's

        // When Retry-After says, on both instances, the next window starts afresh.
        _clock.Advance(TimeSpan.FromSeconds(30));
        foreach (var (client, left) in new[] { (a, 4), (b, 3) })
        {
            using var again = await client.GetAsync("/api/v1/projects?limit=1", Ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal($"{left}", Header(again, "RateLimit-Remaining"));
            Assert.Equal("60", Header(again, "RateLimit-Reset"));
        }
    }

    [Fact]
    public async Task Far_from_the_limit_requests_are_counted_in_memory_then_shared()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:RateLimit:RequestsPerMinute"] = "200" },
            s => s.AddSingleton<TimeProvider>(_clock));
        using var client = app.CreateApiClient();
        var counters = app.Services.GetRequiredService<RateLimitCounters>();

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
        // Below half the limit nothing reached the database: the requests cost no round trip.
        Assert.Equal(0, await SharedRequestsAsync(app));
        await counters.FlushAsync(Ct);
        Assert.Equal(50, await SharedRequestsAsync(app));

        // Past half the limit every request is shared before it is answered, so the 201st is refused exactly.
        for (var i = 50; i < 200; i++)
        {
            using var response = await client.GetAsync("/api/v1/stats", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(200, await SharedRequestsAsync(app));
        using var limited = await client.GetAsync("/api/v1/stats", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // Two windows later the flush forgets the rows of this one.
        _clock.Advance(RateLimitCounters.Window * 3);
        await counters.FlushAsync(Ct);
        Assert.Equal(0, await SharedRequestsAsync(app));
    }

    /// <summary>Half a minute into the current minute: the windows are the clock's minutes, whatever the real time.</summary>
    private static FakeTimeProvider MidMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddSeconds(30));
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(',', response.Headers.GetValues(name));

    private static async Task<long> SharedRequestsAsync(AtlasApp app)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT coalesce(sum(requests), 0) FROM api_rate_windows", conn);
        return Convert.ToInt64(await count.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }
}
