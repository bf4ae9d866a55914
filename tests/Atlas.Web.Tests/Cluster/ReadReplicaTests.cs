using System.Text.Json;
using Atlas.Core.Accounts;
using Atlas.Core.Data.Hosting;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Atlas.Web.Tests.Cluster;

/// <summary>
/// Reads from a replica (issue 16): a private PostgreSQL primary and a streaming hot standby made from it with
/// pg_basebackup -R, the app given both (ConnectionStrings:Atlas and ConnectionStrings:AtlasReadOnly). The standby's
/// replay is paused while the primary changes, so that the two servers answer differently and each answer shows which one
/// served it; pg_stat_activity shows where the read connections (application name atlas-read) went.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private const string Database = "atlas";
    private LocalPostgres _primary = null!;
    private LocalPostgres _standby = null!;
    private AtlasApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"atlas-replica-{Guid.NewGuid():N}");
        _primary = await LocalPostgres.StartAsync(Path.Combine(root, "primary"), Ct);
        await _primary.EnsureDatabaseAsync(Database, cancellationToken: Ct);
        _standby = await _primary.StartStandbyAsync(Path.Combine(root, "standby"), Ct);
        _app = StartApp(maxLagSeconds: 3600);
        await WaitForReplayAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await _standby.DeleteAsync();
        await _primary.DeleteAsync();
        var root = Path.GetDirectoryName(_primary.RootDirectory)!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private AtlasApp StartApp(double maxLagSeconds)
    {
        var app = new AtlasApp(_primary.ConnectionString(Database), new Dictionary<string, string>
        {
            ["ConnectionStrings:AtlasReadOnly"] = _standby.ConnectionString(Database),
            ["Atlas:Replica:MaxLagSeconds"] = maxLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = app.Server;
        return app;
    }

    [Fact]
    public async Task An_anonymous_page_reads_from_the_replica_a_signed_in_editor_from_the_primary_and_the_edit_is_written_to_the_primary()
    {
        var id = await ScalarAsync<int>(_primary, "SELECT id FROM partnerships WHERE key = 'woippy--sale'");
        var original = await ScalarAsync<string>(_primary, $"SELECT title FROM partnerships WHERE id = {id}");
        using var editor = await SignedInAdministratorAsync();

        await ExecuteAsync(_standby, "SELECT pg_wal_replay_pause()");
        try
        {
            await ExecuteAsync(_primary, $"UPDATE partnerships SET title = 'Titre changé sur le primaire' WHERE id = {id}");

            // The standby has not replayed the change: the anonymous page shows the old title, the editor's the new one.
            var anonymous = await _app.GetDocumentAsync($"/partenariats/{id}");
            Assert.Equal(original, anonymous.QuerySelector("[data-testid='partnership-title']")!.TextContent);
            var signedIn = await editor.GetAsync($"/partenariats/{id}");
            Assert.Equal("Titre changé sur le primaire", signedIn.TestId("partnership-title").TextContent);

            // The API's anonymous GET too.
            using var api = _app.CreateApiClient();
            using var answer = await api.GetAsync($"/api/v1/partnerships/{id}", Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.DoesNotContain("Titre changé sur le primaire", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            // The editor's save reaches the primary (the standby, read-only and paused, could neither take nor show it).
            var form = await editor.GetAsync($"/partenariats/{id}/modifier");
            var fields = BrowserSession.FormValues(form.Form("[data-testid='partnership-edit-form']"));
            fields.RemoveAll(f => f.Key == "Values.Title");
            fields.Add(new("Values.Title", "Titre enregistré par l’éditeur"));
            var saved = await editor.PostAsync($"/partenariats/{id}/modifier", fields);
            Assert.Equal($"/partenariats/{id}", saved.Path);
            Assert.Equal("Titre enregistré par l’éditeur", saved.TestId("partnership-title").TextContent);
            Assert.Equal("Titre enregistré par l’éditeur", await ScalarAsync<string>(_primary, $"SELECT title FROM partnerships WHERE id = {id}"));
            Assert.Equal(original, await ScalarAsync<string>(_standby, $"SELECT title FROM partnerships WHERE id = {id}"));

            // The read connections are the standby's only; the primary never had one.
            Assert.True(await ScalarAsync<long>(_standby, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'atlas-read'") > 0);
            Assert.Equal(0L, await ScalarAsync<long>(_primary, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'atlas-read'"));
            // And they cannot write, whatever reaches them.
            Assert.Equal("on", await ScalarAsync<string>(_standby, "SHOW transaction_read_only"));
        }
        finally
        {
            await ExecuteAsync(_standby, "SELECT pg_wal_replay_resume()");
        }

        // Once replayed, the anonymous page shows the edit.
        await WaitForReplayAsync();
        await PollAsync(async () => (await _app.GetDocumentAsync($"/partenariats/{id}")).QuerySelector("[data-testid='partnership-title']")!.TextContent
            == "Titre enregistré par l’éditeur");
    }

    [Fact]
    public async Task Reads_fall_back_to_the_primary_without_an_error_when_the_replica_stops_and_health_says_so_until_it_is_back()
    {
        Assert.Equal("Healthy", (await HealthAsync(_app, "/health/ready")).Replica.Status);
        await _standby.StopAsync(Ct);
        try
        {
            // The first anonymous read meets the stopped replica, marks it down and is answered from the primary.
            using var client = _app.CreateClient();
            foreach (var url in new[] { "/projets", "/pays/MA", "/api/v1/projects", "/" })
                Assert.Equal((url, HttpStatusCode.OK), (url, (await client.GetAsync(url, Ct)).StatusCode));
            var (status, overall, replica) = await HealthAsync(_app, "/health/ready");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", overall);
            Assert.Equal("Degraded", replica.Status);
            Assert.StartsWith("Reads fell back to the primary", replica.Description, StringComparison.Ordinal);
            // Liveness does not depend on any database.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        }
        finally
        {
            await _standby.RestartAsync(Ct);
        }
        await PollAsync(async () => (await HealthAsync(_app, "/health/ready")).Replica.Status == "Healthy");
    }

    [Fact]
    public async Task A_replica_lagging_beyond_the_bound_is_left_for_the_primary()
    {
        await using var strict = StartApp(maxLagSeconds: 0);
        var id = await ScalarAsync<int>(_primary, "SELECT id FROM projects ORDER BY id LIMIT 1");
        await ExecuteAsync(_standby, "SELECT pg_wal_replay_pause()");
        try
        {
            await ExecuteAsync(_primary, $"UPDATE projects SET title = 'Projet changé pendant la pause' WHERE id = {id}");
            // The standby has received WAL it has not replayed: it lags, beyond a bound of 0 s, within a check or two.
            await PollAsync(async () => (await HealthAsync(strict, "/health/ready")).Replica.Description?.Contains("lags", StringComparison.Ordinal) == true);
            var page = await strict.GetDocumentAsync($"/projets/{id}");
            Assert.Contains("Projet changé pendant la pause", page.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(_standby, "SELECT pg_wal_replay_resume()");
        }
    }

    private async Task<BrowserSession> SignedInAdministratorAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@test.localhost";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
            var result = await users.CreateAsync(new AtlasUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administratrice de test",
                Role = EditorRole.Administrator, CreatedAt = DateTimeOffset.UtcNow,
            }, AccountsAppFixture.DefaultPassword);
            Assert.True(result.Succeeded);
        }
        var browser = new BrowserSession(_app);
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, email, AccountsAppFixture.DefaultPassword)).Path);
        return browser;
    }

    private sealed record ReplicaEntry(string Status, string? Description);

    private static async Task<(HttpStatusCode Status, string Overall, ReplicaEntry Replica)> HealthAsync(AtlasApp app, string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(path, Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var replica = json.RootElement.GetProperty("checks").GetProperty("replica");
        return (response.StatusCode, json.RootElement.GetProperty("status").GetString()!,
            new ReplicaEntry(replica.GetProperty("status").GetString()!, replica.TryGetProperty("description", out var d) ? d.GetString() : null));
    }

    /// <summary>Until the standby has replayed everything the primary wrote.</summary>
    private async Task WaitForReplayAsync()
    {
        var target = await ScalarAsync<string>(_primary, "SELECT pg_current_wal_lsn()::text", "postgres");
        await PollAsync(async () => await ScalarAsync<bool>(_standby, $"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", "postgres"));
    }

    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 60 s.");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<T> ScalarAsync<T>(LocalPostgres server, string sql, string database = Database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(LocalPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(Database) + ";Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
