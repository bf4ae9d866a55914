using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Organisations;
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
    public async Task Walking_every_page_returns_what_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await ExpectedAsync(db, ApiLists.WithoutSort(query));
        var (sort, descending) = ApiLists.Sort(query, "id");
        var rows = db.Organisations.Where(o => ids.Contains(o.Id));
        var ordered = sort switch
        {
            "id" => ApiLists.SortedBy(rows, o => o.Id, descending),
            "name" => ApiLists.SortedBy(rows, o => o.Name, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        var expected = await ordered.ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(Ct);

        await ApiLists.AssertWalkReturnsInOrderAsync(fixture.App, "/api/v1/organisations", query, limit: 11, expected);
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
    [InlineData("country=LU")]
    [InlineData("country=MA&kind=agency&q=agence")]
    public async Task Each_filter_returns_what_the_same_condition_returns_on_the_database(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        await ApiLists.AssertWalkFindsAsync(fixture.App, "/api/v1/organisations", filter, await ExpectedAsync(db, filter));
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
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/organisations?{query}", parameter);

    [Fact]
    public Task An_unknown_organisation_is_a_404_problem() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/organisations/999999");

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
    public Task The_openapi_document_describes_every_parameter() =>
        ApiLists.AssertDocumentedParametersAsync(fixture.App, "/api/v1/organisations", ["country", "cursor", "kind", "limit", "q", "sort"]);

    /// <summary>The same filter, written again with EF; the name search in memory, accents folded by .NET.</summary>
    private async Task<List<int>> ExpectedAsync(AtlasDbContext db, string filter)
    {
        IQueryable<Organisation> organisations = db.Organisations;
        string? words = null;
        foreach (var (name, value) in ApiLists.Parameters(filter))
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
        return rows.Where(r => ApiLists.MatchesWords(words, r.Name)).Select(r => r.Id).ToList();
    }
}
