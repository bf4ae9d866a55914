using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class ProjectsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_has_the_documented_envelope_and_default_page_size()
    {
        using var client = fixture.App.CreateApiClient();
        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/projects", Ct);
        Assert.NotNull(page);
        Assert.Equal(20, page["items"]!.AsArray().Count);
        Assert.NotNull(page["nextCursor"]);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(await db.Projects.CountAsync(Ct), page["total"]!.GetValue<int>());
        var first = page["items"]![0]!;
        Assert.Equal($"/projets/{first["id"]}", first["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/projects/{first["id"]}", first["apiUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("country=MA")]
    [InlineData("q=eau")]
    [InlineData("theme=developpement-urbain&status=ongoing")]
    [InlineData("sort=title")]
    [InlineData("sort=-title&country=MA")]
    [InlineData("sort=startYear")]
    [InlineData("sort=-updatedAt")]
    public async Task Walking_every_page_returns_total_distinct_items(string filter)
    {
        var total = await ApiLists.AssertWalkReturnsTotalDistinctAsync(fixture.App, "/api/v1/projects", filter, limit: 7, db => db.Projects);
        Assert.True(total > 0);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("country=ZZ", "country")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("yearFrom=2010&yearTo=2000", "yearTo")]
    [InlineData("theme=nowhere", "theme")]
    [InlineData("status=finished", "status")]
    [InlineData("contry=MA", "contry")]
    [InlineData("sort=colour", "sort")]
    [InlineData("limit=5&limit=6", "limit")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/projects?{query}", parameter);

    [Fact]
    public async Task Pages_follow_the_requested_order_and_a_cursor_keeps_its_sort()
    {
        using var client = fixture.App.CreateApiClient();
        var first = (await client.GetFromJsonAsync<JsonObject>("/api/v1/projects?sort=-startYear&limit=10", Ct))!;
        var years = first["items"]!.AsArray().Select(i => i!["startYear"]?.GetValue<int>() ?? 0).ToList();
        Assert.Equal(years.OrderDescending(), years);

        await ApiLists.AssertCursorRefusedAsync(fixture.App, "/api/v1/projects", "sort=-startYear&limit=10", "sort=title");
    }

    [Fact]
    public Task An_unknown_project_is_a_404_problem() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/projects/999999");

    [Fact]
    public Task An_unknown_api_route_is_a_404_problem_not_a_page() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/nothing-here");

    [Fact]
    public async Task One_project_carries_its_participants_themes_fundings_and_embassy()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.Projects.Where(p => p.Key == "provence-alpes-cote-d-azur--tyr--digitalcoop").Select(p => p.Id).SingleAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var project = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct))!;

        Assert.Equal("DIGITALCOOP Culture en Méditerranée", project["title"]!.GetValue<string>());
        Assert.Equal("completed", project["status"]!.GetValue<string>());
        Assert.Equal(2012, project["firstSignatureYear"]!.GetValue<int>());
        Assert.Equal("2015-12-31", project["endDate"]!.GetValue<string>());
        Assert.Equal("culture-patrimoine/infrastructures-manifestations", project["mainTheme"]!["key"]!.GetValue<string>());
        var roles = project["participants"]!.AsArray().Select(p => p!["role"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "owner", "implementer", "foreign-partner" }, roles);
        Assert.Contains(project["fundings"]!.AsArray(), f => f!["amount"]!.GetValue<decimal>() == 123500m && f["currency"]!.GetValue<string>() == "EUR");
        Assert.Equal("Ambassade de France à Beyrouth", project["diplomaticPosts"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("@", project.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public Task The_openapi_document_describes_every_parameter() =>
        ApiLists.AssertDocumentedParametersAsync(fixture.App, "/api/v1/projects",
            ["authority", "country", "cursor", "department", "limit", "q", "region", "sort", "status", "theme", "yearFrom", "yearTo"]);
}
