using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class ThemesApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_tree_holds_every_theme_once_in_the_list_envelope()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var themes = await db.Themes.Select(t => new { t.Key, t.Level, t.ParentId }).ToListAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var tree = (await client.GetFromJsonAsync<JsonObject>("/api/v1/themes", Ct))!;

        var roots = tree["items"]!.AsArray();
        Assert.Null(tree["nextCursor"]);
        Assert.Equal(themes.Count(t => t.ParentId == null), tree["total"]!.GetValue<int>());
        Assert.Equal(themes.Count(t => t.ParentId == null), roots.Count);
        var nodes = Flatten(roots).ToList();
        Assert.Equal(themes.Select(t => t.Key).Order(StringComparer.Ordinal), nodes.Select(n => n["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(nodes, n => Assert.Equal(themes.Single(t => t.Key == n["key"]!.GetValue<string>()).Level, n["level"]!.GetValue<int>()));
        Assert.All(nodes, n => Assert.Equal($"/api/v1/themes/{n["key"]}", n["apiUrl"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_theme_counts_the_distinct_projects_and_partnerships_of_its_subtree()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var themes = await db.Themes.Select(t => new { t.Id, t.Key, t.ParentId }).ToListAsync(Ct);
        var projectThemes = await db.ProjectThemes.Select(pt => new { pt.ProjectId, pt.ThemeId }).ToListAsync(Ct);
        var partnershipThemes = await db.PartnershipThemes.Select(pt => new { pt.PartnershipId, pt.ThemeId }).ToListAsync(Ct);

        HashSet<int> Subtree(int id)
        {
            var ids = new HashSet<int> { id };
            foreach (var child in themes.Where(t => t.ParentId == id)) ids.UnionWith(Subtree(child.Id));
            return ids;
        }

        using var client = fixture.App.CreateApiClient();
        var roots = (await client.GetFromJsonAsync<JsonObject>("/api/v1/themes", Ct))!["items"]!.AsArray();
        var nonEmpty = 0;
        foreach (var node in Flatten(roots))
        {
            var subtree = Subtree(themes.Single(t => t.Key == node["key"]!.GetValue<string>()).Id);
            // A project is under a theme through the themes it carries itself, never through its partnership's.
            var partnershipsUnder = partnershipThemes.Where(pt => subtree.Contains(pt.ThemeId)).Select(pt => pt.PartnershipId).ToHashSet();
            var projects = projectThemes.Where(pt => subtree.Contains(pt.ThemeId)).Select(pt => pt.ProjectId).Distinct().Count();
            Assert.Equal(projects, node["projectCount"]!.GetValue<int>());
            Assert.Equal(partnershipsUnder.Count, node["partnershipCount"]!.GetValue<int>());
            if (projects > 0) nonEmpty++;

            foreach (var child in node["children"]!.AsArray())
            {
                Assert.True(node["projectCount"]!.GetValue<int>() >= child!["projectCount"]!.GetValue<int>());
                Assert.True(node["partnershipCount"]!.GetValue<int>() >= child["partnershipCount"]!.GetValue<int>());
            }
        }
        Assert.True(nonEmpty > 3);
    }

    [Fact]
    public async Task A_theme_counts_what_the_projects_theme_filter_returns()
    {
        using var client = fixture.App.CreateApiClient();
        var roots = (await client.GetFromJsonAsync<JsonObject>("/api/v1/themes", Ct))!["items"]!.AsArray();
        foreach (var node in Flatten(roots).Where(n => n["projectCount"]!.GetValue<int>() > 0).Take(6))
        {
            var projects = (await client.GetFromJsonAsync<JsonObject>(node["projectsApiUrl"]!.GetValue<string>() + "&limit=1", Ct))!;
            Assert.Equal(node["projectCount"]!.GetValue<int>(), projects["total"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Every_theme_counts_what_the_project_and_partnership_filters_and_the_stats_return()
    {
        using var client = fixture.App.CreateApiClient();
        var nodes = Flatten((await client.GetFromJsonAsync<JsonObject>("/api/v1/themes", Ct))!["items"]!.AsArray()).ToList();
        var stats = (await client.GetFromJsonAsync<JsonObject>("/api/v1/stats", Ct))!["byTheme"]!.AsArray()
            .ToDictionary(t => t!["key"]!.GetValue<string>(), t => (Projects: t!["projectCount"]!.GetValue<int>(), Partnerships: t["partnershipCount"]!.GetValue<int>()));
        Assert.Contains(nodes, n => n["partnershipCount"]!.GetValue<int>() > 0);
        foreach (var node in nodes)
        {
            var key = Uri.EscapeDataString(node["key"]!.GetValue<string>());
            var projects = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects?theme={key}&limit=1", Ct))!;
            var partnerships = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/partnerships?theme={key}&limit=1", Ct))!;
            Assert.Equal(node["projectCount"]!.GetValue<int>(), projects["total"]!.GetValue<int>());
            Assert.Equal(node["partnershipCount"]!.GetValue<int>(), partnerships["total"]!.GetValue<int>());
            if (stats.TryGetValue(node["key"]!.GetValue<string>(), out var stat))
                Assert.Equal((node["projectCount"]!.GetValue<int>(), node["partnershipCount"]!.GetValue<int>()), stat);
        }
    }

    [Theory]
    [InlineData("developpement-urbain/transports")]
    [InlineData("Developpement-Urbain/Transports")]
    [InlineData("developpement-urbain%2Ftransports")]
    public async Task A_sub_theme_is_reached_by_its_key_with_its_path(string key)
    {
        using var client = fixture.App.CreateApiClient();
        var theme = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/themes/{key}", Ct))!;
        Assert.Equal("developpement-urbain/transports", theme["key"]!.GetValue<string>());
        Assert.Equal("Transports", theme["name"]!.GetValue<string>());
        Assert.Equal(2, theme["level"]!.GetValue<int>());
        Assert.Equal(["developpement-urbain", "developpement-urbain/transports"], theme["path"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()));
        Assert.Equal("/api/v1/themes/developpement-urbain/transports", theme["apiUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_top_level_theme_lists_its_children_with_the_tree_counts()
    {
        using var client = fixture.App.CreateApiClient();
        var roots = (await client.GetFromJsonAsync<JsonObject>("/api/v1/themes", Ct))!["items"]!.AsArray();
        var inTree = roots.Single(r => r!["key"]!.GetValue<string>() == "developpement-urbain")!;
        var theme = (await client.GetFromJsonAsync<JsonObject>("/api/v1/themes/developpement-urbain", Ct))!;

        Assert.Equal(1, theme["level"]!.GetValue<int>());
        Assert.Equal(["developpement-urbain"], theme["path"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()));
        Assert.Equal(inTree["projectCount"]!.GetValue<int>(), theme["projectCount"]!.GetValue<int>());
        Assert.Equal(inTree["partnershipCount"]!.GetValue<int>(), theme["partnershipCount"]!.GetValue<int>());
        Assert.Equal(inTree["children"]!.ToJsonString(), theme["children"]!.ToJsonString());
        Assert.Contains("developpement-urbain/transports", theme["children"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("developpement-urbain/nowhere")]
    [InlineData("developpement-urbain/transports/bus")]
    public Task An_unknown_theme_is_a_404_problem(string key) =>
        ApiLists.AssertNotFoundAsync(fixture.App, $"/api/v1/themes/{key}");

    [Theory]
    [InlineData("/api/v1/themes?limit=5", "limit")]
    [InlineData("/api/v1/themes?level=1", "level")]
    [InlineData("/api/v1/themes/developpement-urbain?depth=1", "depth")]
    public Task Parameters_are_refused_and_named(string url, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, url, parameter);

    private static IEnumerable<JsonNode> Flatten(JsonArray nodes) =>
        nodes.SelectMany(n => Flatten(n!["children"]!.AsArray()).Prepend(n!));
}
