using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// Issue 15: a search with facets whose sample says few projects meet all its filters but one at most reads them whole
/// and counts its total and every facet in memory, in one statement where the exact count and the facets' UNION ALL took
/// two. Its answer must be the one counting in SQL gives, value for value, and cost fewer commands.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class WholeReadFacetsTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string?, string?, string?, string?, ProjectStatus?> Filters() => new()
    {
        { "eau", null, null, null, null },
        { "eau", "MA", null, null, ProjectStatus.Ongoing },
        { null, null, "developpement-urbain", "93", null },
        { null, "MA", "eau-assainissement", null, null },
        { "culture", "LB", "culture-patrimoine", null, ProjectStatus.Completed },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_small_set_read_whole_counts_what_counting_in_SQL_counts(string? q, string? country, string? theme, string? region, ProjectStatus? status)
    {
        var filter = new ProjectFilter { Query = q, Country = country, Theme = theme, Region = region, Status = status };
        var reference = await fixture.App.Services.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);

        var (whole, wholeCommands) = await SearchAsync(db => new ProjectSearch(db), filter, reference);
        var (inSql, sqlCommands) = await SearchAsync(ProjectSearch.CountingInSql, filter, reference);

        Assert.True(inSql.Total > 0, "The filter finds nothing in the demo data: the comparison would prove little.");
        Assert.True(whole.TotalIsExact);
        Assert.Equal(inSql.Total, whole.Total);
        Assert.Equal(inSql.Items.Select(i => i.Id), whole.Items.Select(i => i.Id));
        Assert.Equal(inSql.Facets!.Countries, whole.Facets!.Countries);
        Assert.Equal(inSql.Facets.Regions, whole.Facets.Regions);
        Assert.Equal(inSql.Facets.Departments, whole.Facets.Departments);
        Assert.Equal(inSql.Facets.Themes, whole.Facets.Themes);
        Assert.Equal(inSql.Facets.Statuses, whole.Facets.Statuses);
        Assert.All(whole.Facets.Countries.Concat(whole.Facets.Themes), v => Assert.False(v.Estimated));
        Assert.True(wholeCommands < sqlCommands, $"read whole: {wholeCommands} commands; counting in SQL: {sqlCommands}");
    }

    private async Task<(ProjectSearchResult Result, int Commands)> SearchAsync(
        Func<AtlasDbContext, ProjectSearch> search, ProjectFilter filter, ReferenceCatalog.Snapshot reference)
    {
        var log = new SqlCommandLog();
        await using var db = log.CreateContext(fixture.App.ConnectionString);
        var result = await search(db).SearchAsync(filter, ProjectSort.Relevance, new ProjectPage(20), withFacets: true, reference, Ct);
        return (result, log.Count);
    }
}
