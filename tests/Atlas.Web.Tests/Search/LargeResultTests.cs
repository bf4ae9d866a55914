using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Tools.Synthetic;
using Atlas.Web.Pages.Projets;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// A synthetic atlas of 12,700 projects (scale 1) searched by an app that counts exactly only up to 200 matches, so that the paths
/// a search takes over a million projects (estimated total and facets, latest updated first, last browsable page) run here.
/// </summary>
public sealed class LargeAtlasFixture(TestDatabase database) : IAsyncLifetime
{
    public const int ExactCountLimit = 200;

    public AtlasApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await new SyntheticAtlas(connectionString).GenerateAsync(new SyntheticOptions(1, Force: true), null, TestContext.Current.CancellationToken);
        App = new AtlasApp(connectionString, new Dictionary<string, string>
        {
            ["Atlas:Search:ExactCountLimit"] = ExactCountLimit.ToString(CultureInfo.InvariantCulture),
            ["Atlas:OutputCache:Enabled"] = "false",
        });
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class LargeResultTests(LargeAtlasFixture fixture) : IClassFixture<LargeAtlasFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_many_matches_get_an_estimated_total_close_to_the_true_one_and_estimated_facets()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=eau");
        PageAssertions.IsClean(page);

        var count = PageAssertions.Normalize(page.Text("result-count"));
        Assert.StartsWith("Environ ", count, StringComparison.Ordinal);
        var estimate = int.Parse(count["Environ ".Length..^" projets".Length].Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var actual = await db.Projects.CountAsync(p => p.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery("french", AtlasDbFunctions.Unaccent("eau"))), Ct);
        Assert.True(actual > LargeAtlasFixture.ExactCountLimit, $"{actual} matches: the test needs more than the limit");
        Assert.InRange(estimate, actual * 0.6, actual * 1.4);

        var facets = page.QuerySelectorAll("[data-testid^='facet-']");
        Assert.NotEmpty(facets);
        Assert.All(facets, f => Assert.Equal("true", f.GetAttribute("data-estimated")));
        Assert.Contains("environ", page.QuerySelector("#f-statut option[data-estimated='true']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("estimés", page.Text("large-result"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_too_many_matches_gives_way_to_the_latest_updated_first()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=eau");
        Assert.Contains("plus récemment mis à jour", page.Text("large-result"), StringComparison.Ordinal);

        var ids = page.QuerySelectorAll("[data-testid='result-item']").Select(i => int.Parse(i.GetAttribute("data-project-id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(SearchQuery.PageSize, ids.Count);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var updated = await db.Projects.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, Ct);
        var listed = ids.Select(id => (updated[id], id)).ToList();
        Assert.Equal(listed.OrderByDescending(x => x.Item1).ThenBy(x => x.id).ToList(), listed);
        var newest = await db.Projects.MaxAsync(p => p.UpdatedAt, Ct);
        Assert.True(listed[0].Item1 >= newest.AddDays(-365), "the first result is among the latest updated projects");
    }

    [Fact]
    public async Task A_narrow_search_is_still_counted_exactly()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The partner country with the fewest projects (from the base tables): well under the limit.
        var country = await NarrowestCountryAsync(db);

        var page = await fixture.App.GetDocumentAsync($"/projets?pays={country.Key}");
        Assert.StartsWith($"{country.Value} projet", PageAssertions.Normalize(page.Text("result-count")), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-testid='large-result']"));
        // Its own facet counts every project: the stored counts; the others count the result, exactly.
        Assert.All(page.QuerySelectorAll("[data-testid^='facet-']"), f => Assert.Equal("false", f.GetAttribute("data-estimated")));
        Assert.Equal(country.Value, page.QuerySelectorAll("[data-testid='facet-status']").Sum(f => int.Parse(f.GetAttribute("data-count")!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_api_says_when_its_total_is_a_lower_bound()
    {
        using var client = fixture.App.CreateApiClient();
        var all = (await client.GetFromJsonAsync<JsonObject>("/api/v1/projects?limit=10", Ct))!;
        Assert.Equal(LargeAtlasFixture.ExactCountLimit, all["total"]!.GetValue<int>());
        Assert.False(all["totalIsExact"]!.GetValue<bool>());
        Assert.NotNull(all["nextCursor"]);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var country = await NarrowestCountryAsync(db);
        var narrow = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects?limit=10&country={country.Key}", Ct))!;
        Assert.Equal(country.Value, narrow["total"]!.GetValue<int>());
        Assert.True(narrow["totalIsExact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Numbered_pages_stop_at_the_last_browsable_one()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?page=80");
        Assert.Equal(SearchQuery.PageSize, page.QuerySelectorAll("[data-testid='result-item']").Length);
        Assert.Equal($"Page {ProjetsIndexModel.MaxPages}, page actuelle", page.QuerySelector("[data-testid='pagination'] [aria-current='page']")?.GetAttribute("aria-label"));
        Assert.Contains("Données", page.Text("last-browsable-page"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_of_too_many_projects_says_its_figures_are_estimated_and_a_narrow_one_counts_them()
    {
        var wide = await fixture.App.GetDocumentAsync("/carte?statut=ongoing");
        PageAssertions.IsClean(wide);
        Assert.StartsWith("Environ ", wide.Text("map-total"), StringComparison.Ordinal);
        Assert.Contains("estimés", wide.Text("map-estimated"), StringComparison.Ordinal);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The start year with the fewest projects: well under the limit.
        var year = await db.Projects.Where(p => p.StartYear != null).GroupBy(p => p.StartYear).Select(g => new { g.Key, Count = g.Count() })
            .OrderBy(g => g.Count).ThenBy(g => g.Key).FirstAsync(Ct);
        var narrow = await fixture.App.GetDocumentAsync($"/carte?de={year.Key}&a={year.Key}");
        Assert.StartsWith($"{year.Count} projet", narrow.Text("map-total"), StringComparison.Ordinal);
        Assert.Empty(narrow.QuerySelectorAll("[data-testid='map-estimated']"));
    }

    /// <summary>The partner country with the fewest projects, and how many, as the base tables say (never the stored country_codes).</summary>
    private static async Task<KeyValuePair<string, int>> NarrowestCountryAsync(AtlasDbContext db) =>
        (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
}
