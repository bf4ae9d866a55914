using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Domain;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class OrganisationsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-id")]
    [InlineData("sort=name")]
    [InlineData("sort=-name")]
    [InlineData("country=MA&sort=-name")]
    [InlineData("kind=association&sort=name")]
    public async Task Walking_every_page_returns_total_distinct_items(string filter)
    {
        var (ids, total) = await WalkAsync(filter, limit: 11);
        Assert.True(total > 11);
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        if (filter.StartsWith("sort=", StringComparison.Ordinal))
        {
            await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
            Assert.Equal(await db.Organisations.CountAsync(Ct), total);
        }
    }

    [Fact]
    public async Task Items_carry_their_api_url_and_project_count()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        using var client = fixture.App.CreateApiClient();
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/v1/organisations?limit=20", Ct))!;
        foreach (var item in page["items"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<int>();
            Assert.Equal($"/api/v1/organisations/{id}", item["apiUrl"]!.GetValue<string>());
            var projects = await db.Projects.CountAsync(p => p.Participants.Any(pp => pp.OrganisationId == id) || p.Fundings.Any(f => f.FunderOrganisationId == id), Ct);
            Assert.Equal(projects, item["projectCount"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("q=universite")]
    [InlineData("q=Université Fès")]
    [InlineData("q=agence urbaine")]
    [InlineData("q=PAD")]
    [InlineData("kind=association")]
    [InlineData("kind=university")]
    [InlineData("kind=ngo")]
    [InlineData("country=MA")]
    [InlineData("country=FR")]
    [InlineData("country=LB")]
    [InlineData("country=MA&kind=agency&q=agence")]
    public async Task Each_filter_returns_what_the_same_condition_returns_on_the_database(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await ExpectedAsync(db, filter);
        var (found, total) = await WalkAsync(filter, limit: 100);
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected.Count, total);
    }

    [Fact]
    public async Task The_filters_of_the_demo_data_are_not_empty()
    {
        foreach (var filter in new[] { "q=universite", "q=Université Fès", "q=agence urbaine", "kind=association", "country=MA", "country=FR" })
            Assert.NotEmpty((await WalkAsync(filter, limit: 100)).Ids);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("country=ZZ", "country")]
    [InlineData("kind=castle", "kind")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("region=93", "region")]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=population", "sort")]
    public async Task Bad_parameters_get_a_problem_naming_them(string query, string parameter)
    {
        using var client = fixture.App.CreateApiClient();
        using var response = await client.GetAsync($"/api/v1/organisations?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404_problem()
    {
        using var client = fixture.App.CreateApiClient();
        using var response = await client.GetAsync("/api/v1/organisations/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task One_organisation_carries_the_projects_it_takes_part_in_or_funds()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var pad = await db.Organisations.Where(o => o.Key == "org-pad-maroc").Select(o => o.Id).SingleAsync(Ct);
        var expected = await db.Projects
            .Where(p => p.Participants.Any(pp => pp.OrganisationId == pad) || p.Fundings.Any(f => f.FunderOrganisationId == pad))
            .Select(p => p.Id).ToListAsync(Ct);
        var pdu = await db.Projects.Where(p => p.Key == "aix-en-provence--oujda--pdu").Select(p => p.Id).SingleAsync(Ct);

        using var client = fixture.App.CreateApiClient();
        var organisation = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{pad}", Ct))!;
        Assert.Equal(pad, organisation["id"]!.GetValue<int>());
        Assert.Equal("Programme d'accompagnement de la décentralisation (PAD Maroc)", organisation["name"]!.GetValue<string>());
        Assert.Equal("programme", organisation["kind"]!.GetValue<string>());
        Assert.Equal("MA", organisation["country"]!["code"]!.GetValue<string>());
        Assert.Equal("Rabat", organisation["city"]!.GetValue<string>());
        Assert.Equal($"/api/v1/organisations/{pad}", organisation["apiUrl"]!.GetValue<string>());

        var projects = organisation["projects"]!.AsArray();
        Assert.Equal(expected.Order(), projects.Select(p => p!["id"]!.GetValue<int>()).Order());
        var item = projects.Single(p => p!["id"]!.GetValue<int>() == pdu)!;
        Assert.True(item["funds"]!.GetValue<bool>());
        Assert.Equal("ongoing", item["status"]!.GetValue<string>());
        Assert.Equal($"/projets/{pdu}", item["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/projects/{pdu}", item["apiUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_participating_organisation_names_its_roles()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var agency = await db.Organisations.Where(o => o.Key == "org-agence-urbaine-oujda").Select(o => o.Id).SingleAsync(Ct);
        var pdu = await db.Projects.Where(p => p.Key == "aix-en-provence--oujda--pdu").Select(p => p.Id).SingleAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var organisation = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/organisations/{agency}", Ct))!;
        var item = organisation["projects"]!.AsArray().Single(p => p!["id"]!.GetValue<int>() == pdu)!;
        Assert.Contains("other-partner-abroad", item["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_parameter()
    {
        using var client = fixture.App.CreateApiClient();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct))!;
        var parameters = doc["paths"]!["/api/v1/organisations"]!["get"]!["parameters"]!.AsArray().Select(p => p!).ToList();
        Assert.Equal(
            ["country", "cursor", "kind", "limit", "q", "sort"],
            parameters.Select(p => p["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p["description"]?.GetValue<string>()), p["name"]!.ToString()));
        Assert.NotNull(doc["paths"]!["/api/v1/organisations/{id}"]);
    }

    /// <summary>The same filter, written again with EF; the name search in memory, accents folded by .NET.</summary>
    private async Task<List<int>> ExpectedAsync(AtlasDbContext db, string filter)
    {
        IQueryable<Organisation> organisations = db.Organisations;
        string? words = null;
        foreach (var (name, value) in Parameters(filter))
        {
            switch (name)
            {
                case "q":
                    words = value;
                    break;
                case "kind":
                    var kind = EnumCode<OrganisationKind>.Parse(value);
                    organisations = organisations.Where(o => o.Kind == kind);
                    break;
                case "country":
                    organisations = organisations.Where(o => o.CountryCode == value);
                    break;
                default:
                    throw new ArgumentException(name);
            }
        }
        var rows = await organisations.Select(o => new { o.Id, o.Name }).ToListAsync(Ct);
        return rows.Where(r => words is null || Words(words).All(w => Fold(r.Name).Contains(w, StringComparison.Ordinal))).Select(r => r.Id).ToList();
    }

    private async Task<(List<int> Ids, int Total)> WalkAsync(string filter, int limit)
    {
        using var client = fixture.App.CreateApiClient();
        var ids = new List<int>();
        int? total = null;
        string? cursor = null;
        do
        {
            var url = $"/api/v1/organisations?limit={limit}&{filter}" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
            total ??= page["total"]!.GetValue<int>();
            Assert.Equal(total, page["total"]!.GetValue<int>());
            Assert.True(page["items"]!.AsArray().Count <= limit);
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return (ids, total.Value);
    }

    private static IEnumerable<(string Name, string Value)> Parameters(string filter) =>
        filter.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => (p[0], Uri.UnescapeDataString(p[1])));

    private static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold);

    private static string Fold(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();
}
