using System.Text.Json.Nodes;
using Atlas.Tools.Benchmark;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Atlas.Tools.Tests.Benchmark;

/// <summary>
/// The benchmark's raw-Npgsql yardstick is served by the tools (<c>bench-raw</c>), on real Kestrel as scripts/benchmark.sh
/// runs it, and no longer by the app, whatever its configuration.
/// </summary>
public sealed class RawYardstickTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_raw_yardstick_answers_a_project_s_record_built_by_PostgreSQL_and_404_for_an_unknown_one()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        var (id, title, partnership) = await ProjectWithThemesAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var yardstick = RawYardstick.Create(["--urls", "http://127.0.0.1:0"], dataSource);
        await yardstick.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = new Uri(yardstick.Urls.Single()) };

        using var response = await client.GetAsync($"/bench/raw-project/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var record = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(id, record["id"]!.GetValue<int>());
        Assert.Equal(title, record["title"]!.GetValue<string>());
        Assert.Equal(partnership, record["partnership"]?["title"]?.GetValue<string>());
        Assert.NotEmpty(record["themes"]!.AsArray());
        Assert.Contains(record["themes"]!.AsArray(), t => t!["isMain"]!.GetValue<bool>());

        using var unknown = await client.GetAsync("/bench/raw-project/2000000000", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("pong", await client.GetStringAsync("/ping", Ct));
    }

    [Theory]
    [InlineData("country=MA&theme=eau-assainissement")]
    [InlineData("q=eau&country=MA")]
    public async Task The_search_yardstick_answers_the_api_s_page_and_total_for_the_same_filters(string filters)
    {
        await using var app = await AtlasApp.StartAsync(database);
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        await using var yardstick = RawYardstick.Create(["--urls", "http://127.0.0.1:0"], dataSource);
        await yardstick.StartAsync(Ct);
        using var raw = new HttpClient { BaseAddress = new Uri(yardstick.Urls.Single()) };
        using var client = app.CreateApiClient();

        var api = JsonNode.Parse(await client.GetStringAsync($"/api/v1/projects?{filters}&limit=20", Ct))!;
        var list = JsonNode.Parse(await raw.GetStringAsync($"/bench/raw-list?{filters}&limit=20", Ct))!;
        var expected = api["items"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, list["page"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()));
        Assert.Equal(api["total"]!.GetValue<int>(), list["total"]!.GetValue<int>());

        // With facets: the same total, and each facet's count of the value filtered on is that total.
        var search = JsonNode.Parse(await raw.GetStringAsync($"/bench/raw-search?{filters}", Ct))!;
        Assert.Equal(api["total"]!.GetValue<int>(), search["total"]!.GetValue<int>());
        var country = filters.Split('&').Single(f => f.StartsWith("country=", StringComparison.Ordinal))["country=".Length..];
        Assert.Equal(api["total"]!.GetValue<int>(), search["countries"]![country]!.GetValue<int>());
    }

    [Fact]
    public async Task The_app_maps_no_benchmark_endpoint_even_with_the_setting_that_used_to_turn_it_on()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:Benchmark:Endpoints"] = "true" });
        var (id, _, _) = await ProjectWithThemesAsync(app.ConnectionString);
        using var client = app.CreateClient();

        using var raw = await client.GetAsync($"/bench/raw-project/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        using var api = await client.GetAsync($"/api/v1/projects/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var benchRoutes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(route => route.TrimStart('/').StartsWith("bench", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(benchRoutes);
    }

    /// <summary>A demo project with a partnership and themes, so that the record has nested parts to compare.</summary>
    private static async Task<(int Id, string Title, string Partnership)> ProjectWithThemesAsync(string connectionString)
    {
        const string sql = """
            SELECT p.id, p.title, pa.title FROM projects p JOIN partnerships pa ON pa.id = p.partnership_id
            WHERE EXISTS (SELECT 1 FROM project_themes pt WHERE pt.project_id = p.id AND pt.is_main)
            ORDER BY p.id LIMIT 1
            """;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), "The demo data has no project with a partnership and a main theme.");
        return (reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
    }
}
