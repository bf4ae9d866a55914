using System.Net.Http.Headers;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// ETag, Last-Modified, 304 and Cache-Control on API reads; an edit changes the tag. Own database: it writes. The app's
/// clock is a fake one: the instance reuses the data version it read for <see cref="DataVersionReader.ReuseFor"/>, and a
/// test moves the clock past that instead of waiting.
/// </summary>
public sealed class ConditionalGetTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private AtlasApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await AtlasApp.StartAsync(database, services: s => s.AddSingleton<TimeProvider>(_clock));
        // The demo data as if loaded a minute ago, whatever the machine's speed: a date is given out only for a version
        // whose second is over (else a later edit in that second could carry the same date).
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var older = new NpgsqlCommand("UPDATE data_versions SET changed_at = clock_timestamp() - interval '1 minute'", conn);
        await older.ExecuteNonQueryAsync(Ct);
        _clock.Advance(DataVersionReader.ReuseFor);
    }

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
    public async Task After_an_edit_a_client_revalidating_by_tag_or_by_date_gets_the_edit()
    {
        using var client = _app.CreateApiClient();
        using var before = await client.GetAsync("/api/v1/projects/1", Ct);
        Assert.NotNull(before.Content.Headers.LastModified);

        await EditAsync(" (révisé)");
        _clock.Advance(DataVersionReader.ReuseFor);
        using var edited = await RevalidateAsync(client, before.Headers.ETag, null);
        Assert.NotEqual(before.Headers.ETag, edited.Headers.ETag);
        Assert.Contains("(révisé)", await edited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var byDate = await RevalidateAsync(client, null, before.Content.Headers.LastModified))
            Assert.Contains("(révisé)", await byDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertLastModifiedIsTheVersionAsync(edited);

        // A second edit at once, most likely within the same second as the first: a date given out for the first must not
        // vouch for a copy the second made stale.
        await EditAsync(" (bis)");
        _clock.Advance(DataVersionReader.ReuseFor);
        using (var byTag = await RevalidateAsync(client, edited.Headers.ETag, null))
        {
            Assert.Contains("(révisé) (bis)", await byTag.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            await AssertLastModifiedIsTheVersionAsync(byTag);
        }
        if (edited.Content.Headers.LastModified is { } date)
        {
            using var byDate = await RevalidateAsync(client, null, date);
            Assert.Contains("(révisé) (bis)", await byDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    private async Task EditAsync(string suffix)
    {
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var edit = new NpgsqlCommand("UPDATE projects SET title = title || $1 WHERE id = 1", conn);
        edit.Parameters.AddWithValue(suffix);
        await edit.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>A revalidation of project 1 with one validator: it must answer 200 with the project.</summary>
    private static async Task<HttpResponseMessage> RevalidateAsync(HttpClient client, EntityTagHeaderValue? etag, DateTimeOffset? date)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/1");
        if (etag is not null) request.Headers.IfNoneMatch.Add(etag);
        request.Headers.IfModifiedSince = date;
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Last-Modified, when given, is the second of the data version.</summary>
    private async Task AssertLastModifiedIsTheVersionAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.LastModified is not { } date) return;
        await using var conn = new NpgsqlConnection(_app.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var read = new NpgsqlCommand("SELECT date_trunc('second', changed_at) FROM data_versions", conn);
        Assert.Equal((DateTimeOffset)(DateTime)(await read.ExecuteScalarAsync(Ct))!, date);
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
