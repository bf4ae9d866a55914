using System.Net.Http.Headers;
using Atlas.Web.Tests.Infrastructure;
using Npgsql;

namespace Atlas.Web.Tests.Api;

/// <summary>ETag, Last-Modified, 304 and Cache-Control on API reads; an edit changes the tag. Own database: it writes.</summary>
public sealed class ConditionalGetTests(TestDatabase database) : IAsyncLifetime
{
    private AtlasApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AtlasApp.StartAsync(database);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reads_carry_validators_and_cache_control()
    {
        using var client = _app.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/projects?limit=3", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl.MaxAge);

        using var other = await client.GetAsync("/api/v1/projects?limit=4", Ct);
        Assert.NotEqual(response.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task A_known_etag_or_date_gets_304_without_a_body()
    {
        using var client = _app.CreateApiClient();
        using var first = await client.GetAsync("/api/v1/projects/1", Ct);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/1");
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(byTag, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/1");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var notModifiedByDate = await client.SendAsync(byDate, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);
    }

    [Fact]
    public async Task An_edit_changes_the_etag()
    {
        using var client = _app.CreateApiClient();
        using var before = await client.GetAsync("/api/v1/projects/1", Ct);
        await Task.Delay(1100, Ct); // Last-Modified has a one-second resolution

        await using (var conn = new NpgsqlConnection(_app.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var edit = new NpgsqlCommand("UPDATE projects SET title = title || ' (révisé)' WHERE id = 1", conn);
            await edit.ExecuteNonQueryAsync(Ct);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/1");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        Assert.Contains("(révisé)", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_not_cached_publicly()
    {
        using var client = _app.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/projects/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Any_origin_may_read()
    {
        using var client = _app.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?limit=1");
        request.Headers.Add("Origin", "https://example.org");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal("*", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/projects");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var answer = await client.SendAsync(preflight, Ct);
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Contains("GET", string.Join(',', answer.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }
}
