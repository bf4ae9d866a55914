using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Npgsql;

namespace Atlas.Web.Tests.Api;

/// <summary>When the database goes away, every answer stays a clean error: problem+json in the API, a French page in the portal, no stack trace.</summary>
public sealed class DatabaseOutageTests(TestDatabase database) : IAsyncLifetime
{
    private AtlasApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await AtlasApp.StartAsync(database);
        var name = new NpgsqlConnectionStringBuilder(_app.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await database.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_api_answers_a_500_problem_without_internals()
    {
        using var client = _app.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/projects/1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(500, JsonNode.Parse(body)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_answers_a_french_error_page_without_internals()
    {
        var page = await _app.GetDocumentAsync("/projets/1", HttpStatusCode.InternalServerError);
        var html = page.DocumentElement.OuterHtml;
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("[data-testid='error']"));
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_the_database_unhealthy()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Unhealthy", health["checks"]!["database"]!["status"]!.GetValue<string>());
    }
}
