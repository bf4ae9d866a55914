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
    [InlineData("sort=-id")]
    [InlineData("sort=title")]
    [InlineData("sort=-title")]
    [InlineData("sort=startYear")]
    [InlineData("sort=-startYear")]
    [InlineData("sort=updatedAt")]
    [InlineData("sort=-updatedAt")]
    [InlineData("country=MA&sort=-title")]
    [InlineData("q=eau&sort=startYear")]
    [InlineData("theme=developpement-urbain&status=ongoing&sort=-updatedAt")]
    [InlineData("region=93&sort=title")]
    public async Task Walking_every_page_returns_what_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var facts = await ProjectFacts.LoadAsync(db);
        var ids = await facts.ExpectedIdsAsync(db, query);
        var (sort, descending) = ApiLists.Sort(query, "id");
        var rows = db.Projects.Where(p => ids.Contains(p.Id));
        var ordered = sort switch
        {
            "id" => ApiLists.SortedBy(rows, p => p.Id, descending),
            "title" => ApiLists.SortedBy(rows, p => p.Title, descending),
            "startYear" => ApiLists.SortedBy(rows, p => p.StartYear ?? 0, descending),
            "updatedAt" => ApiLists.SortedBy(rows, p => p.UpdatedAt, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        var expected = await ordered.ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);

        await ApiLists.AssertWalkReturnsInOrderAsync(fixture.App, "/api/v1/projects", query, limit: 7, expected);
    }

    [Theory]
    [InlineData("q=eau")]
    [InlineData("q=EAUX")]
    [InlineData("q=fes")]
    [InlineData("q=FÈS")]
    [InlineData("q=santé")]
    [InlineData("q=patrimoine")]
    [InlineData("q=tourisme")]
    [InlineData("q=oujda")]
    [InlineData("q=eau oujda")]
    [InlineData("country=MA")]
    [InlineData("country=lb")]
    [InlineData("country=TN")]
    [InlineData("region=93")]
    [InlineData("region=84")]
    [InlineData("department=13")]
    [InlineData("department=69")]
    [InlineData("authority={ma-commune-oujda}")]
    [InlineData("authority={fr-region-provence-alpes-cote-d-azur}")]
    [InlineData("authority={fr-commune-aix-en-provence}")]
    [InlineData("theme=developpement-urbain")]
    [InlineData("theme=eau-assainissement")]
    [InlineData("theme=environnement")]
    [InlineData("theme=culture-patrimoine")]
    [InlineData("theme=culture-patrimoine/lieux-evenements")]
    [InlineData("theme=culture-patrimoine/patrimoine")]
    [InlineData("theme=developpement-economique")]
    [InlineData("status=planned")]
    [InlineData("status=completed")]
    [InlineData("yearFrom=2010")]
    [InlineData("yearFrom=2000&yearTo=2006")]
    [InlineData("country=MA&theme=eau-assainissement")]
    [InlineData("theme=developpement-urbain&status=ongoing")]
    [InlineData("q=eau&country=MA&yearFrom=2000")]
    [InlineData("region=93&department=13&status=completed")]
    public async Task Each_filter_returns_what_the_same_condition_returns_on_the_base_tables(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        query = await ApiLists.WithAuthorityIdsAsync(db, query);
        var facts = await ProjectFacts.LoadAsync(db);
        await ApiLists.AssertWalkFindsAsync(fixture.App, "/api/v1/projects", query, await facts.ExpectedIdsAsync(db, query));
    }

    [Fact]
    public async Task Moroccan_projects_filtered_by_water_are_those_that_carry_a_water_theme_themselves()
    {
        // The stored theme_ids once also held the partnership's themes: this filter returned 37 projects, most of them cultural
        // exchanges of partnerships that had the theme, where 7 carry it. The répertoire's two "Eau & assainissement" (under
        // urban development and under environment) are one node of the tree now. Written in SQL over project_themes and the
        // theme tree, not through the derived columns.
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await db.Database.SqlQuery<int>($"""
            SELECT DISTINCT p.id AS "Value"
            FROM projects p
            JOIN project_themes pt ON pt.project_id = p.id
            JOIN themes t ON t.id = pt.theme_id
            LEFT JOIN themes parent ON parent.id = t.parent_id
            LEFT JOIN themes grand ON grand.id = parent.parent_id
            WHERE p.deleted_at IS NULL
              AND 'eau-assainissement' IN (t.key, parent.key, grand.key)
              AND EXISTS (SELECT 1 FROM project_participants pp JOIN local_authorities a ON a.id = pp.local_authority_id
                          WHERE pp.project_id = p.id AND pp.deleted_at IS NULL AND a.country_code = 'MA'
                          UNION ALL
                          SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                          WHERE pa.partnership_id = p.partnership_id AND a.country_code = 'MA')
            """).ToListAsync(Ct);
        Assert.NotEmpty(expected);

        var (found, total) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", "country=MA&theme=eau-assainissement");
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected.Count, total);

        // And each of them says so itself: a water theme is its main theme or one of its others.
        using var client = fixture.App.CreateApiClient();
        foreach (var id in found)
        {
            var project = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct))!;
            var themes = project["otherThemes"]!.AsArray().Select(t => t!["theme"]!["key"]!.GetValue<string>())
                .Append(project["mainTheme"]?["key"]?.GetValue<string>());
            Assert.Contains(themes, k => k is "eau-assainissement" || k?.StartsWith("eau-assainissement/", StringComparison.Ordinal) == true);
        }
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
    public Task A_cursor_keeps_its_sort() =>
        ApiLists.AssertCursorRefusedAsync(fixture.App, "/api/v1/projects", "sort=-startYear&limit=10", "sort=title");

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
        Assert.Equal("culture-patrimoine/lieux-evenements", project["mainTheme"]!["key"]!.GetValue<string>());
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
