using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Authorities;
using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class AuthoritiesApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-id")]
    [InlineData("sort=name")]
    [InlineData("sort=-name")]
    [InlineData("sort=population")]
    [InlineData("sort=-population")]
    [InlineData("country=FR&sort=-population")]
    [InlineData("country=MA&sort=name")]
    public async Task Walking_every_page_returns_what_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await ExpectedAsync(db, ApiLists.WithoutSort(query));
        var (sort, descending) = ApiLists.Sort(query, "id");
        var rows = db.LocalAuthorities.Where(a => ids.Contains(a.Id));
        var ordered = sort switch
        {
            "id" => ApiLists.SortedBy(rows, a => a.Id, descending),
            "name" => ApiLists.SortedBy(rows, a => a.Name, descending),
            "population" => ApiLists.SortedBy(rows, a => a.Population ?? 0, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        var expected = await ordered.ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);

        await ApiLists.AssertWalkReturnsInOrderAsync(fixture.App, "/api/v1/authorities", query, limit: 9, expected);
    }

    [Fact]
    public async Task Items_carry_their_urls()
    {
        using var client = fixture.App.CreateApiClient();
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/v1/authorities?limit=40", Ct))!;
        Assert.NotEmpty(page["items"]!.AsArray());
        Assert.All(page["items"]!.AsArray(), i =>
        {
            Assert.Equal($"/collectivites/{i!["id"]}", i["url"]!.GetValue<string>());
            Assert.Equal($"/api/v1/authorities/{i["id"]}", i["apiUrl"]!.GetValue<string>());
        });
    }

    [Theory]
    [InlineData("q=fes")]
    [InlineData("q=Fès")]
    [InlineData("q=FES")]
    [InlineData("q=commune urbaine")]
    [InlineData("q=saint-etienne")]
    [InlineData("country=MA")]
    [InlineData("country=FR")]
    [InlineData("country=LB")]
    [InlineData("kind=commune-urbaine")]
    [InlineData("kind=region")]
    [InlineData("region=93")]
    [InlineData("region=84")]
    [InlineData("department=13")]
    [InlineData("country=FR&kind=commune&region=93")]
    public async Task Each_filter_returns_what_the_same_condition_returns_on_the_database(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        await ApiLists.AssertWalkFindsAsync(fixture.App, "/api/v1/authorities", filter, await ExpectedAsync(db, filter));
    }

    [Theory]
    [InlineData("fes")]
    [InlineData("Fès")]
    [InlineData("FES")]
    public async Task Searching_fes_finds_the_authorities_of_fes(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var fes = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-fes" || a.Key == "ma-region-fes-boulemane").Select(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, fes.Count);
        var (found, _) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/authorities", $"q={Uri.EscapeDataString(query)}");
        Assert.Superset(fes.ToHashSet(), found.ToHashSet());

        using var client = fixture.App.CreateApiClient();
        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/authorities?q={Uri.EscapeDataString(query)}&country=MA&kind=commune-urbaine", Ct))!;
        Assert.Contains(page["items"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "Commune urbaine de Fès");
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("country=ZZ", "country")]
    [InlineData("region=99", "region")]
    [InlineData("department=999", "department")]
    [InlineData("kind=castle", "kind")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("contry=MA", "contry")]
    [InlineData("theme=sport", "theme")]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=title", "sort")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/authorities?{query}", parameter);

    [Fact]
    public Task An_unknown_authority_is_a_404_problem() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/authorities/999999");

    [Fact]
    public async Task A_foreign_authority_carries_its_identity_leader_partnerships_and_project_counts()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var oujda = await db.LocalAuthorities.SingleAsync(a => a.Key == "ma-commune-oujda", Ct);
        var partnership = await db.Partnerships.Where(p => p.Key == "aix-en-provence--oujda").Select(p => p.Id).SingleAsync(Ct);
        var partnerships = await db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthorityId == oujda.Id)).Select(p => p.Id).ToListAsync(Ct);
        var projects = (await ProjectFacts.LoadAsync(db)).Projects.Where(p => p.Authorities.Contains(oujda.Id)).CountBy(p => p.Status)
            .ToDictionary(g => g.Key, g => g.Value);

        using var client = fixture.App.CreateApiClient();
        var authority = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/authorities/{oujda.Id}", Ct))!;

        Assert.Equal(oujda.Id, authority["id"]!.GetValue<int>());
        Assert.Equal("Commune urbaine d'Oujda", authority["name"]!.GetValue<string>());
        Assert.Equal("commune-urbaine", authority["kind"]!.GetValue<string>());
        Assert.Equal("MA", authority["country"]!["code"]!.GetValue<string>());
        Assert.Equal("Maroc", authority["country"]!["name"]!.GetValue<string>());
        Assert.Null(authority["region"]);
        Assert.Null(authority["department"]);
        Assert.Equal(500000, authority["population"]!.GetValue<int>());
        Assert.Equal(2008, authority["populationYear"]!.GetValue<int>());
        Assert.Equal("Lakhdar Haddouche", authority["leader"]!["name"]!.GetValue<string>());
        Assert.Equal($"/collectivites/{oujda.Id}", authority["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/authorities/{oujda.Id}", authority["apiUrl"]!.GetValue<string>());

        var items = authority["partnerships"]!.AsArray();
        Assert.Equal(partnerships.Order(), items.Select(p => p!["id"]!.GetValue<int>()).Order());
        var aixOujda = items.Single(p => p!["id"]!.GetValue<int>() == partnership)!;
        Assert.Equal("Aix-en-Provence – Oujda", aixOujda["title"]!.GetValue<string>());
        Assert.Equal($"/pays/MA#partenariat-{partnership}", aixOujda["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/partnerships/{partnership}", aixOujda["apiUrl"]!.GetValue<string>());

        var counts = authority["projects"]!;
        Assert.True(counts["total"]!.GetValue<int>() > 0);
        Assert.Equal(projects.Values.Sum(), counts["total"]!.GetValue<int>());
        Assert.Equal(projects.GetValueOrDefault(ProjectStatus.Ongoing), counts["ongoing"]!.GetValue<int>());
        Assert.Equal(projects.GetValueOrDefault(ProjectStatus.Completed), counts["completed"]!.GetValue<int>());
        Assert.Equal(projects.GetValueOrDefault(ProjectStatus.Planned), counts["planned"]!.GetValue<int>());
        Assert.Equal($"/api/v1/projects?authority={oujda.Id}", counts["apiUrl"]!.GetValue<string>());
        Assert.DoesNotContain("@", authority.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_french_authority_carries_its_region_department_and_insee_code()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var aix = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-aix-en-provence").Select(a => a.Id).SingleAsync(Ct);
        using var client = fixture.App.CreateApiClient();
        var authority = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/authorities/{aix}", Ct))!;
        Assert.Equal("Ville d'Aix-en-Provence", authority["name"]!.GetValue<string>());
        Assert.Equal("commune", authority["kind"]!.GetValue<string>());
        Assert.Equal("93", authority["region"]!["code"]!.GetValue<string>());
        Assert.Equal("Provence-Alpes-Côte d'Azur", authority["region"]!["name"]!.GetValue<string>());
        Assert.Equal("13", authority["department"]!["code"]!.GetValue<string>());
        Assert.Equal("Bouches-du-Rhône", authority["department"]!["name"]!.GetValue<string>());
        Assert.Equal("13001", authority["inseeCode"]!.GetValue<string>());
    }

    [Fact]
    public Task The_openapi_document_describes_every_parameter() =>
        ApiLists.AssertDocumentedParametersAsync(fixture.App, "/api/v1/authorities", ["country", "cursor", "department", "kind", "limit", "q", "region", "sort"]);

    /// <summary>The same filter, written again with EF; the name search in memory, accents folded by .NET.</summary>
    private async Task<List<int>> ExpectedAsync(AtlasDbContext db, string filter)
    {
        IQueryable<LocalAuthority> authorities = db.LocalAuthorities;
        string? words = null;
        foreach (var (name, value) in ApiLists.Parameters(filter))
        {
            switch (name)
            {
                case "q":
                    words = value;
                    break;
                case "country":
                    authorities = authorities.Where(a => a.CountryCode == value);
                    break;
                case "kind":
                    var kind = EnumCode<AuthorityKind>.Parse(value);
                    authorities = authorities.Where(a => a.Kind == kind);
                    break;
                case "region":
                    authorities = authorities.Where(a => a.RegionCode == value || (a.DepartmentCode != null && a.Department!.RegionCode == value));
                    break;
                case "department":
                    authorities = authorities.Where(a => a.DepartmentCode == value);
                    break;
                default:
                    throw new ArgumentException(name);
            }
        }
        var rows = await authorities.Select(a => new { a.Id, a.Name }).ToListAsync(Ct);
        return rows.Where(r => ApiLists.MatchesWords(words, r.Name)).Select(r => r.Id).ToList();
    }
}
