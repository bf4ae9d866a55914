using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Partnerships;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class PartnershipsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-id")]
    [InlineData("sort=title")]
    [InlineData("sort=-title")]
    [InlineData("sort=signedYear")]
    [InlineData("sort=-signedYear")]
    [InlineData("sort=updatedAt")]
    [InlineData("sort=-updatedAt")]
    [InlineData("country=MA&sort=-title")]
    [InlineData("theme=developpement-urbain&sort=signedYear")]
    public async Task Walking_every_page_returns_what_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var ids = await ExpectedAsync(db, ApiLists.WithoutSort(query));
        var (sort, descending) = ApiLists.Sort(query, "id");
        var rows = db.Partnerships.Where(p => ids.Contains(p.Id));
        var ordered = sort switch
        {
            "id" => ApiLists.SortedBy(rows, p => p.Id, descending),
            "title" => ApiLists.SortedBy(rows, p => p.Title, descending),
            "signedYear" => ApiLists.SortedBy(rows, p => p.SignedYear ?? 0, descending),
            "updatedAt" => ApiLists.SortedBy(rows, p => p.UpdatedAt, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        var expected = await ordered.ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(Ct);

        await ApiLists.AssertWalkReturnsInOrderAsync(fixture.App, "/api/v1/partnerships", query, limit: 7, expected);
    }

    [Fact]
    public async Task Items_carry_their_api_url()
    {
        using var client = fixture.App.CreateApiClient();
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/v1/partnerships?limit=30", Ct))!;
        Assert.NotEmpty(page["items"]!.AsArray());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal($"/api/v1/partnerships/{i!["id"]}", i["apiUrl"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("q=fes")]
    [InlineData("q=FÈS")]
    [InlineData("q=aix oujda")]
    [InlineData("country=MA")]
    [InlineData("country=LB")]
    [InlineData("region=93")]
    [InlineData("department=13")]
    [InlineData("authority={ma-commune-oujda}")]
    [InlineData("authority={fr-region-provence-alpes-cote-d-azur}")]
    [InlineData("theme=developpement-urbain")]
    [InlineData("theme=developpement-urbain/transports")]
    [InlineData("theme=culture-patrimoine")]
    [InlineData("theme=culture-patrimoine/patrimoine")]
    [InlineData("theme=eau-assainissement")]
    [InlineData("country=MA&theme=eau-assainissement")]
    [InlineData("theme=developpement-rural")]
    [InlineData("theme=education-jeunesse/cooperation-universitaire")]
    [InlineData("status=active")]
    [InlineData("status=ended")]
    [InlineData("status=unknown")]
    [InlineData("signedFrom=2000")]
    [InlineData("signedTo=1999")]
    [InlineData("signedFrom=1990&signedTo=2000")]
    [InlineData("country=MA&region=93&status=active")]
    public async Task Each_filter_returns_what_the_same_condition_returns_on_the_database(string filter)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        filter = await ApiLists.WithAuthorityIdsAsync(db, filter);
        await ApiLists.AssertWalkFindsAsync(fixture.App, "/api/v1/partnerships", filter, await ExpectedAsync(db, filter));
    }

    [Fact]
    public async Task Partnerships_filtered_by_water_are_those_given_water_themselves_not_those_whose_projects_have_it()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The same condition in SQL over partnership_themes and the tree: the theme or one of its sub-themes, given to the partnership.
        var expected = await db.Database.SqlQuery<int>($"""
            SELECT DISTINCT pa.id AS "Value"
            FROM partnerships pa
            JOIN partnership_themes pt ON pt.partnership_id = pa.id
            JOIN themes t ON t.id = pt.theme_id
            LEFT JOIN themes parent ON parent.id = t.parent_id
            LEFT JOIN themes grand ON grand.id = parent.parent_id
            WHERE pa.deleted_at IS NULL AND 'eau-assainissement' IN (t.key, parent.key, grand.key)
            """).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        // Partnerships with a water project but not given the theme themselves exist, so that the rule is put to the test.
        var onlyThroughProjects = await db.Database.SqlQuery<int>($"""
            SELECT DISTINCT pa.id AS "Value"
            FROM partnerships pa
            JOIN projects pr ON pr.partnership_id = pa.id AND pr.deleted_at IS NULL
            JOIN project_themes pt ON pt.project_id = pr.id
            JOIN themes t ON t.id = pt.theme_id
            WHERE pa.deleted_at IS NULL AND t.key = 'eau-assainissement'
              AND NOT EXISTS (SELECT 1 FROM partnership_themes own JOIN themes ot ON ot.id = own.theme_id
                              WHERE own.partnership_id = pa.id AND ot.key = 'eau-assainissement')
            """).ToListAsync(Ct);
        Assert.NotEmpty(onlyThroughProjects);

        var (found, total) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/partnerships", "theme=eau-assainissement");
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected.Count, total);
        Assert.Empty(found.Intersect(onlyThroughProjects));
    }

    [Fact]
    public async Task France_is_never_a_partnership_s_partner_country()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.True(await db.PartnershipAuthorities.AnyAsync(a => a.LocalAuthority!.CountryCode == "FR", Ct));
        var (found, total) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/partnerships", "country=FR");
        Assert.Empty(found);
        Assert.Equal(0, total);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("country=ZZ", "country")]
    [InlineData("region=99", "region")]
    [InlineData("department=999", "department")]
    [InlineData("theme=nowhere", "theme")]
    [InlineData("status=finished", "status")]
    [InlineData("authority=abc", "authority")]
    [InlineData("signedFrom=2010&signedTo=2000", "signedTo")]
    [InlineData("signedFrom=1200", "signedFrom")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("contry=MA", "contry")]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=startYear", "sort")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/partnerships?{query}", parameter);

    [Fact]
    public Task A_cursor_keeps_its_sort() =>
        ApiLists.AssertCursorRefusedAsync(fixture.App, "/api/v1/partnerships", "sort=title&limit=5", "sort=-title");

    [Fact]
    public Task An_unknown_partnership_is_a_404_problem() =>
        ApiLists.AssertNotFoundAsync(fixture.App, "/api/v1/partnerships/999999");

    [Fact]
    public async Task One_partnership_carries_its_authorities_dates_contacts_and_projects()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.Partnerships.Where(p => p.Key == "aix-en-provence--oujda").Select(p => p.Id).SingleAsync(Ct);
        var aix = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-aix-en-provence").Select(a => a.Id).SingleAsync(Ct);
        var oujda = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-oujda").Select(a => a.Id).SingleAsync(Ct);
        var projects = await db.Projects.Where(p => p.PartnershipId == id).Select(p => p.Id).ToListAsync(Ct);
        var pdu = await db.Projects.Where(p => p.Key == "aix-en-provence--oujda--pdu").Select(p => p.Id).SingleAsync(Ct);

        using var client = fixture.App.CreateApiClient();
        var partnership = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/partnerships/{id}", Ct))!;

        Assert.Equal(id, partnership["id"]!.GetValue<int>());
        Assert.Equal("Aix-en-Provence – Oujda", partnership["title"]!.GetValue<string>());
        Assert.Equal("Convention cadre de coopération décentralisée", partnership["legalFrame"]!.GetValue<string>());
        Assert.Equal("1998-04-29", partnership["signedOn"]!.GetValue<string>());
        Assert.Equal(1998, partnership["signedYear"]!.GetValue<int>());
        Assert.Equal("active", partnership["status"]!.GetValue<string>());
        Assert.Contains("Oujda", partnership["history"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Développement urbain", partnership["domains"]!.GetValue<string>(), StringComparison.Ordinal);

        var authorities = partnership["authorities"]!.AsArray();
        Assert.Equal(2, authorities.Count);
        Assert.Equal(aix, authorities[0]!["id"]!.GetValue<int>());
        Assert.Equal("commune", authorities[0]!["kind"]!.GetValue<string>());
        Assert.Equal("FR", authorities[0]!["country"]!.GetValue<string>());
        Assert.Equal(oujda, authorities[1]!["id"]!.GetValue<int>());
        Assert.Equal("Commune urbaine d'Oujda", authorities[1]!["name"]!.GetValue<string>());
        Assert.Equal("commune-urbaine", authorities[1]!["kind"]!.GetValue<string>());
        Assert.Equal("MA", authorities[1]!["country"]!.GetValue<string>());
        Assert.Equal($"/collectivites/{oujda}", authorities[1]!["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/authorities/{oujda}", authorities[1]!["apiUrl"]!.GetValue<string>());
        Assert.Equal("MA", partnership["countries"]![0]!["code"]!.GetValue<string>());
        Assert.Equal($"/pays/MA#partenariat-{id}", partnership["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/partnerships/{id}", partnership["apiUrl"]!.GetValue<string>());

        var contacts = partnership["contacts"]!.AsArray();
        Assert.Contains(contacts, c => c!["name"]!.GetValue<string>() == "Bruno GENZANA"
            && c["function"]!.GetValue<string>() == "Adjoint au Maire en charge des Relations internationales"
            && c["organisation"]!.GetValue<string>() == "Ville d'Aix-en-Provence");
        Assert.DoesNotContain("@", partnership.ToJsonString(), StringComparison.Ordinal);

        var items = partnership["projects"]!.AsArray();
        Assert.Equal(projects.Order(), items.Select(p => p!["id"]!.GetValue<int>()).Order());
        var item = items.Single(p => p!["id"]!.GetValue<int>() == pdu)!;
        Assert.Equal("developpement-urbain/transports", item["mainTheme"]!["key"]!.GetValue<string>());
        Assert.Equal($"/projets/{pdu}", item["url"]!.GetValue<string>());
        Assert.Equal($"/api/v1/projects/{pdu}", item["apiUrl"]!.GetValue<string>());
    }

    [Fact]
    public Task The_openapi_document_describes_every_parameter() =>
        ApiLists.AssertDocumentedParametersAsync(fixture.App, "/api/v1/partnerships", ["authority", "country", "cursor", "department", "limit", "q", "region", "signedFrom", "signedTo", "sort", "status", "theme"]);

    /// <summary>The same filter, written again with EF over the tables (not the derived search columns).</summary>
    private async Task<List<int>> ExpectedAsync(AtlasDbContext db, string filter)
    {
        IQueryable<Partnership> partnerships = db.Partnerships;
        string? words = null;
        foreach (var (name, value) in ApiLists.Parameters(filter))
        {
            switch (name)
            {
                case "q":
                    words = value;
                    break;
                case "country":
                    partnerships = partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == value && value != "FR"));
                    break;
                case "region":
                    partnerships = partnerships.Where(p => p.Authorities.Any(a =>
                        a.LocalAuthority!.RegionCode == value || (a.LocalAuthority.DepartmentCode != null && a.LocalAuthority.Department!.RegionCode == value)));
                    break;
                case "department":
                    partnerships = partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.DepartmentCode == value));
                    break;
                case "authority":
                    var authority = int.Parse(value, CultureInfo.InvariantCulture);
                    partnerships = partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthorityId == authority));
                    break;
                case "theme":
                    var themes = await db.Themes.Where(t => t.Key == value || t.Key.StartsWith(value + "/")).Select(t => t.Id).ToListAsync(Ct);
                    // A partnership's own themes only: its projects' themes are theirs.
                    partnerships = partnerships.Where(p => p.Themes.Any(t => themes.Contains(t.ThemeId)));
                    break;
                case "status":
                    var status = EnumCode<PartnershipStatus>.Parse(value);
                    partnerships = partnerships.Where(p => p.Status == status);
                    break;
                case "signedFrom":
                    var from = int.Parse(value, CultureInfo.InvariantCulture);
                    partnerships = partnerships.Where(p => p.SignedYear != null && p.SignedYear >= from);
                    break;
                case "signedTo":
                    var to = int.Parse(value, CultureInfo.InvariantCulture);
                    partnerships = partnerships.Where(p => p.SignedYear != null && p.SignedYear <= to);
                    break;
                default:
                    throw new ArgumentException(name);
            }
        }
        var rows = await partnerships.Select(p => new { p.Id, p.Title, Names = p.Authorities.Select(a => a.LocalAuthority!.Name).ToList() }).ToListAsync(Ct);
        return rows.Where(r => ApiLists.MatchesWords(words, r.Names.Prepend(r.Title))).Select(r => r.Id).ToList();
    }
}
