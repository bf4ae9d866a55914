using System.Text.Json;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Search;

[Collection(DemoAppCollection.Name)]
public sealed class SearchTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fes")]
    [InlineData("Fès")]
    [InlineData("FES")]
    public async Task Searching_fes_finds_every_project_of_the_partnerships_with_fes_and_no_project_without_the_word(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var partners = await db.Projects
            .Where(p => p.Partnership!.Authorities.Any(a => a.LocalAuthority!.Name.Contains("Fès")))
            .Select(p => p.Id).ToListAsync(Ct);
        Assert.NotEmpty(partners);
        var expected = await ProjectFacts.FindingWordsAsync(db, query);
        Assert.Superset(partners.ToHashSet(), expected);

        var found = await AllIdsAsync($"q={Uri.EscapeDataString(query)}");
        Assert.Equal(expected.Order(), found.Order());
    }

    [Fact]
    public async Task Filtering_by_theme_finds_the_partnerships_the_synthesis_lists_under_it_and_only_the_projects_that_carry_it()
    {
        var synthesis = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(
            typeof(Atlas.Core.Data.AtlasDbContext).Assembly.GetManifestResourceStream("Atlas.Demo.synthesis-themes.json")!)!;
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var partnershipIds = await db.Partnerships.Where(p => p.Key != null).ToDictionaryAsync(p => p.Key!, p => p.Id, Ct);
        var facts = await ProjectFacts.LoadAsync(db);
        // The synthesis names the répertoire's own themes: the crosswalk says which node of the tree each one is.
        static string TreeKey(string sourceKey) => Atlas.Core.Themes.ThemeCrosswalk.BySourceKey[sourceKey].TreeKey;
        var themes = synthesis.SelectMany(s => s.Value).Select(TreeKey).Distinct().ToList();
        Assert.NotEmpty(themes);

        foreach (var theme in themes)
        {
            var partnerships = (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/partnerships", $"theme={Uri.EscapeDataString(theme)}")).Ids.ToHashSet();
            foreach (var partnership in synthesis.Where(s => s.Value.Select(TreeKey).Contains(theme)).Select(s => s.Key))
                Assert.True(partnerships.Contains(partnershipIds[partnership]), $"theme {theme} misses the partnership {partnership}");

            // A partnership's theme is not its projects': they are found by the themes they carry themselves.
            var projects = await AllIdsAsync($"theme={Uri.EscapeDataString(theme)}");
            var themeId = facts.ThemeId(theme);
            Assert.All(projects, id => Assert.Contains(themeId, facts.Projects.Single(p => p.Id == id).Themes));

            // A top-level theme includes its sub-themes.
            var top = theme.Split('/')[0];
            if (top != theme) Assert.Superset(projects.ToHashSet(), (await AllIdsAsync($"theme={top}")).ToHashSet());
        }
    }

    [Fact]
    public async Task Country_and_region_filters_keep_only_matching_projects()
    {
        var lebanon = await AllIdsAsync("country=LB");
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var tyr = await db.Projects.Where(p => p.Key == "provence-alpes-cote-d-azur--tyr--digitalcoop").Select(p => p.Id).SingleAsync(Ct);
        Assert.Equal([tyr], lebanon);

        var paca = await AllIdsAsync("region=93");
        Assert.Contains(tyr, paca);
        Assert.DoesNotContain(tyr, await AllIdsAsync("region=44"));
    }

    private async Task<List<int>> AllIdsAsync(string query) =>
        (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", query)).Ids;
}
