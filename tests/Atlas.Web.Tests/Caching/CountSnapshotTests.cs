using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Figures;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Atlas.Web.Tests.Caching;

/// <summary>
/// The home page, statistics and map read the atlas's counts from one stored row (aggregate_snapshots) instead of counting
/// the tables: once stored, a request runs no count; after an edit, requests get the previous counts (never cached) until
/// one instance has recomputed them in the background, and every instance then shows the new ones. Own databases: they write.
/// Where the output cache takes part, the instances share a fake clock, which a test moves past
/// <see cref="DataVersionReader.ReuseFor"/> (how long an instance reuses the data version it read) instead of waiting.
/// </summary>
public sealed class CountSnapshotTests(TestDatabase database)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private static readonly Dictionary<string, string> InBackground = new() { ["Atlas:Snapshots:RefreshInBackground"] = "true" };
    private static readonly string[] FigurePages = [
        "/", "/statistiques", "/statistiques/pays.csv", "/api/v1/stats", "/carte", "/carte?niveau=departements", "/api/v1/themes", "/api/v1/themes/developpement-urbain/transports",
    ];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_counts_are_read_in_one_command_that_counts_nothing()
    {
        var commands = new SqlCommandLog();
        await using var app = new AtlasApp(await database.CreateDemoDatabaseAsync(), new Dictionary<string, string>
        {
            ["Atlas:OutputCache:Enabled"] = "false",
            ["Atlas:Snapshots:RefreshInBackground"] = "true",
        });
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(commands))));
        using var client = logged.CreateClient();
        // A new database has no stored counts: the first request computes and stores them.
        (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode().Dispose();

        foreach (var url in FigurePages)
        {
            commands.Clear();
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var sql = Assert.Single(commands.Texts);
            Assert.Contains("aggregate_snapshots", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("projects", sql, StringComparison.Ordinal);
        }
        Assert.Equal(1, logged.Services.GetRequiredService<CountSnapshotRefresher>().Computations);
    }

    [Fact]
    public async Task After_an_edit_the_previous_counts_are_served_uncached_until_the_background_refresh_lands()
    {
        await using var app = await AtlasApp.StartAsync(database, InBackground, FakeClock);
        using var client = app.CreateApiClient();
        var before = await ProjectTotalAsync(client);

        await using (var refresh = await HoldRefreshAsync(app.ConnectionString))
        {
            await DeleteOneProjectAsync(app.ConnectionString);
            _clock.Advance(DataVersionReader.ReuseFor); // the output cache sees the new data version

            using (var stale = await client.GetAsync("/api/v1/stats", Ct))
            {
                Assert.Equal(before, await ProjectTotalAsync(stale));
                Assert.Null(stale.Headers.ETag);
                Assert.True(stale.Headers.CacheControl?.NoCache);
            }
            foreach (var _ in Enumerable.Range(0, 2))
            {
                using var page = await client.GetAsync("/statistiques", Ct);
                Assert.Null(page.Headers.Age);
                Assert.Contains($"<strong>{before}</strong> projets", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }

        await WaitUntilFreshAsync(app.ConnectionString);
        using (var fresh = await client.GetAsync("/statistiques", Ct))
        {
            Assert.Null(fresh.Headers.Age);
            Assert.Contains($"<strong>{before - 1}</strong> projets", await fresh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var cached = await client.GetAsync("/statistiques", Ct)) Assert.NotNull(cached.Headers.Age);
        using (var api = await client.GetAsync("/api/v1/stats", Ct))
        {
            Assert.Equal(before - 1, await ProjectTotalAsync(api));
            Assert.NotNull(api.Headers.ETag);
        }
        // Once when the database was new, once after the edit, however many stale requests asked for it.
        Assert.Equal(2, app.Services.GetRequiredService<CountSnapshotRefresher>().Computations);
    }

    [Fact]
    public async Task Two_instances_share_the_stored_counts_and_only_one_recomputes_them()
    {
        await using var first = await AtlasApp.StartAsync(database, InBackground, FakeClock);
        await using var second = first.AnotherInstance();
        using var firstClient = first.CreateApiClient();
        using var secondClient = second.CreateApiClient();
        var before = await ProjectTotalAsync(firstClient);
        Assert.Equal(before, await ProjectTotalAsync(secondClient));

        await using (await HoldRefreshAsync(first.ConnectionString))
        {
            await DeleteOneProjectAsync(first.ConnectionString);
            _clock.Advance(DataVersionReader.ReuseFor);
            // Both instances find the counts stale and both ask for a refresh.
            Assert.Equal(before, await ProjectTotalAsync(firstClient));
            Assert.Equal(before, await ProjectTotalAsync(secondClient));
        }

        await WaitUntilFreshAsync(first.ConnectionString);
        Assert.Equal(before - 1, await ProjectTotalAsync(firstClient));
        Assert.Equal(before - 1, await ProjectTotalAsync(secondClient));
        var firstHome = (await first.GetDocumentAsync("/")).QuerySelector("[data-testid='figure-projects']")!.TextContent;
        Assert.Equal(firstHome, (await second.GetDocumentAsync("/")).QuerySelector("[data-testid='figure-projects']")!.TextContent);
        Assert.Equal(2, first.Services.GetRequiredService<CountSnapshotRefresher>().Computations
            + second.Services.GetRequiredService<CountSnapshotRefresher>().Computations);
    }

    [Fact]
    public async Task Refreshing_at_once_the_first_read_after_an_edit_shows_the_edit()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:OutputCache:Enabled"] = "false" });
        using var client = app.CreateApiClient();
        var before = await ProjectTotalAsync(client);
        await DeleteOneProjectAsync(app.ConnectionString);
        Assert.Equal(before - 1, await ProjectTotalAsync(client));
        Assert.Contains($"<strong>{before - 1}</strong> projets", await client.GetStringAsync("/statistiques", Ct), StringComparison.Ordinal);
    }

    private void FakeClock(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private static async Task<int> ProjectTotalAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/stats", Ct);
        return await ProjectTotalAsync(response);
    }

    private static async Task<int> ProjectTotalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        return stats!["totals"]!["projects"]!.GetValue<int>();
    }

    private static async Task DeleteOneProjectAsync(string connectionString)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        var id = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, DateTimeOffset.UtcNow), Ct);
    }

    /// <summary>Takes the refresh's advisory lock, as an instance computing the counts would: refreshes wait until it is disposed.</summary>
    private static async Task<NpgsqlConnection> HoldRefreshAsync(string connectionString)
    {
        // Unpooled: closing it ends the session, and so releases the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({CountSnapshots.AdvisoryLockKey})", connection);
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    /// <summary>The refresh runs on the background service once the lock is free: polled, with a deadline, rather than awaited.</summary>
    private static async Task WaitUntilFreshAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(bool_and(s.data_changed_at = v.changed_at), false) FROM aggregate_snapshots s CROSS JOIN data_versions v WHERE s.key = $1", connection);
        command.Parameters.AddWithValue(CountSnapshots.Key);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(bool)(await command.ExecuteScalarAsync(Ct))!)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The stored counts were not refreshed within 30 seconds.");
            await Task.Delay(50, Ct);
        }
    }
}
