using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Paging;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// Issue 15: a list of few matches reads its page from the search index's bitmap (index walks turned off for that one
/// statement), where PostgreSQL walked the primary key through ten times as many projects as it kept. The pages are the
/// ones the API has always answered.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class FewMatchesListTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_list_of_few_matches_reads_its_page_without_walking_an_index()
    {
        var reference = await fixture.App.Services.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var log = new SqlCommandLog();
        await using var db = log.CreateContext(fixture.App.ConnectionString);

        var page = await new ProjectSearch(db).ListAsync(new ProjectFilter { Country = "MA" }, new ListRequest("id", false, null, 5), reference, Ct);

        Assert.True(page.TotalIsExact);
        Assert.InRange(page.Total, 6, 500);
        var pageStatement = Assert.Single(log.Texts, t => t.Contains("ORDER BY", StringComparison.Ordinal) && t.Contains("LIMIT", StringComparison.Ordinal));
        Assert.Contains("set_config('enable_indexscan', 'off', true)", pageStatement, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Texts, t => t != pageStatement && t.Contains("enable_indexscan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("country=MA")]
    [InlineData("country=MA&sort=-title")]
    [InlineData("q=eau&sort=startYear")]
    public async Task Paging_through_few_matches_gives_every_one_once_in_order(string query)
    {
        using var client = fixture.App.CreateApiClient();
        var (total, byHundreds) = await PageThroughAsync(client, query, 100);
        var (_, bySevens) = await PageThroughAsync(client, query, 7);

        Assert.InRange(total, 8, 500);
        Assert.Equal(total, byHundreds.Count);
        Assert.Equal(byHundreds.Count, byHundreds.Distinct().Count());
        Assert.Equal(byHundreds, bySevens);
        if (query == "country=MA") Assert.Equal(byHundreds.Order(), byHundreds);
    }

    private static async Task<(int Total, List<int> Ids)> PageThroughAsync(HttpClient client, string query, int limit)
    {
        var ids = new List<int>();
        var total = 0;
        string? cursor = null;
        do
        {
            var url = $"/api/v1/projects?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
            total = page["total"]!.GetValue<int>();
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return (total, ids);
    }
}
