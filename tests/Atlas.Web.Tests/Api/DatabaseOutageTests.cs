using System.Text.Json.Nodes;
using AngleSharp;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// When the database goes away (here: dropped), every answer is a clean 503 with Retry-After: problem+json in the API, a
/// French maintenance page in the portal, no stack trace.
/// </summary>
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
    public async Task The_api_answers_a_503_problem_with_retry_after_and_without_internals()
    {
        using var client = _app.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/projects/1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_answers_a_french_maintenance_page_with_retry_after_and_without_internals()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/projets/1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html), TestContext.Current.CancellationToken);
        PageAssertions.IsClean(page);
        Assert.Contains("Service momentanément indisponible", page.QuerySelector("[data-testid='unavailable'] h1")?.TextContent, StringComparison.Ordinal);
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
