using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Core.Fundings;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class FundingsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-id")]
    [InlineData("sort=amount")]
    [InlineData("sort=-amount")]
    [InlineData("sort=year")]
    [InlineData("sort=-year")]
    [InlineData("currency=MAD&sort=-amount")]
    [InlineData("country=MA&sort=year")]
    [InlineData("funder=region&sort=-year")]
    public async Task Walking_every_page_returns_the_lines_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var (ids, apiQuery) = await ExpectedAsync(db, query);
        var (sort, descending) = ApiLists.Sort(query, "id");
        var rows = db.Fundings.Where(f => ids.Contains(f.Id));
        var ordered = sort switch
        {
            "id" => ApiLists.SortedBy(rows, f => f.Id, descending),
            "amount" => ApiLists.SortedBy(rows, f => f.Amount, descending),
            "year" => ApiLists.SortedBy(rows, f => f.Year ?? 0, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        var expected = await ordered.ThenBy(f => f.Id).Select(f => f.Id).ToListAsync(Ct);

        await ApiLists.AssertWalkReturnsInOrderAsync(fixture.App, "/api/v1/fundings", apiQuery, limit: 9, expected);
    }

    [Fact]
    public async Task Without_filter_the_list_holds_every_line_as_stored()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var lines = await db.Fundings.AsNoTracking().Include(f => f.Project).Include(f => f.FunderAuthority).Include(f => f.FunderOrganisation)
            .ToDictionaryAsync(f => f.Id, Ct);
        using var client = fixture.App.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/fundings", "", limit: 100);
        Assert.Equal(lines.Count, total);

        foreach (var item in items)
        {
            var line = lines[item["id"]!.GetValue<int>()];
            Assert.Equal(line.Amount, item["amount"]!.GetValue<decimal>());
            Assert.Equal(line.CurrencyCode, item["currency"]!.GetValue<string>());
            Assert.Equal(line.WaterLawAmount, item["waterLawAmount"]?.GetValue<decimal>());
            Assert.Equal(line.Year, item["year"]?.GetValue<int>());
            Assert.Equal(line.Note, item["note"]?.GetValue<string>());
            Assert.Equal(line.ProjectId, item["project"]!["id"]!.GetValue<int>());
            Assert.Equal(line.Project!.Title, item["project"]!["title"]!.GetValue<string>());
            Assert.Equal($"/projets/{line.ProjectId}", item["project"]!["url"]!.GetValue<string>());
            Assert.Equal($"/api/v1/projects/{line.ProjectId}", item["project"]!["apiUrl"]!.GetValue<string>());

            var funder = item["funder"]!;
            if (line.FunderAuthority is { } authority)
            {
                Assert.Equal("authority", funder["type"]!.GetValue<string>());
                Assert.Equal(authority.Id, funder["id"]!.GetValue<int>());
                Assert.Equal(authority.Name, funder["name"]!.GetValue<string>());
                Assert.Equal(authority.CountryCode, funder["country"]!.GetValue<string>());
                Assert.Equal($"/collectivites/{authority.Id}", funder["url"]!.GetValue<string>());
            }
            else
            {
                Assert.Equal("organisation", funder["type"]!.GetValue<string>());
                Assert.Equal(line.FunderOrganisation!.Id, funder["id"]!.GetValue<int>());
                Assert.Equal(line.FunderOrganisation.Name, funder["name"]!.GetValue<string>());
                Assert.Equal($"/api/v1/organisations/{line.FunderOrganisation.Id}", funder["apiUrl"]!.GetValue<string>());
            }
        }
        Assert.Contains(items, i => i["funder"]!["type"]!.GetValue<string>() == "organisation");
        Assert.Contains(items, i => i["currency"]!.GetValue<string>() == "MAD");
    }

    public static TheoryData<string> Filters => new()
    {
        "currency=MAD", "currency=eur", "year=2006", "year=2007", "country=MA", "country=lb", "funder=region", "funder=RÉGION", "funder=tours",
        "funder=pad maroc", "funderAuthority=fr-commune-tours", "funderOrganisation=org-pad-maroc", "project=provence-alpes-cote-d-azur--tyr--digitalcoop",
        "currency=EUR&country=MA&funder=region",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_returns_the_lines_the_same_condition_finds_in_the_database(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var (ids, apiQuery) = await ExpectedAsync(db, query);
        Assert.True(ids.Count < await db.Fundings.CountAsync(Ct));

        using var client = fixture.App.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/fundings", apiQuery, limit: 7);
        Assert.Equal(ids.Count, total);
        Assert.Equal(ids.Order(), ApiLists.Ids(items).Order());
    }

    [Fact]
    public async Task Filters_that_match_nothing_answer_an_empty_page()
    {
        using var client = fixture.App.CreateApiClient();
        var page = (await client.GetFromJsonAsync<JsonObject>("/api/v1/fundings?currency=JPY&project=999999", Ct))!;
        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Null(page["nextCursor"]);
    }

    [Theory]
    [InlineData("currency=XYZ", "currency")]
    [InlineData("currency=EURO", "currency")]
    [InlineData("year=1800", "year")]
    [InlineData("year=abc", "year")]
    [InlineData("country=ZZ", "country")]
    [InlineData("funderAuthority=0", "funderAuthority")]
    [InlineData("funderOrganisation=x", "funderOrganisation")]
    [InlineData("project=-1", "project")]
    [InlineData("sort=currency", "sort")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=zzz", "cursor")]
    [InlineData("fundr=tours", "fundr")]
    [InlineData("funderId=3", "funderId")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/fundings?{query}", parameter);

    [Fact]
    public Task A_too_long_funder_name_is_refused() =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/fundings?funder={new string('x', 201)}", "funder");

    /// <summary>
    /// The lines the query's filters find, by the same conditions written over the base tables (a project's countries from
    /// ProjectFacts), checked not to be empty; and the query for the API, each record key replaced by its id.
    /// </summary>
    private static async Task<(List<int> Ids, string ApiQuery)> ExpectedAsync(AtlasDbContext db, string query)
    {
        var lines = await db.Fundings.AsNoTracking().Include(f => f.FunderAuthority).Include(f => f.FunderOrganisation).ToListAsync(Ct);
        var facts = (await ProjectFacts.LoadAsync(db)).Projects.ToDictionary(p => p.Id);
        var apiQuery = new List<string>();
        IEnumerable<Funding> expected = lines;
        foreach (var (name, text) in ApiLists.Parameters(query))
        {
            var value = text;
            switch (name)
            {
                case "currency":
                    expected = expected.Where(f => f.CurrencyCode == value.ToUpperInvariant());
                    break;
                case "year":
                    expected = expected.Where(f => f.Year == int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "country":
                    expected = expected.Where(f => facts[f.ProjectId].Countries.Contains(value.ToUpperInvariant()));
                    break;
                case "funder":
                    expected = expected.Where(f => ApiLists.Fold(f.FunderName).Contains(ApiLists.Fold(value), StringComparison.Ordinal));
                    break;
                case "funderAuthority":
                    var authority = await db.LocalAuthorities.Where(a => a.Key == value).Select(a => a.Id).SingleAsync(Ct);
                    expected = expected.Where(f => f.FunderAuthorityId == authority);
                    value = authority.ToString(CultureInfo.InvariantCulture);
                    break;
                case "funderOrganisation":
                    var organisation = await db.Organisations.Where(o => o.Key == value).Select(o => o.Id).SingleAsync(Ct);
                    expected = expected.Where(f => f.FunderOrganisationId == organisation);
                    value = organisation.ToString(CultureInfo.InvariantCulture);
                    break;
                case "project":
                    var project = await db.Projects.Where(p => p.Key == value).Select(p => p.Id).SingleAsync(Ct);
                    expected = expected.Where(f => f.ProjectId == project);
                    value = project.ToString(CultureInfo.InvariantCulture);
                    break;
                case "sort":
                    break;
                default:
                    throw new ArgumentException($"No rule for the parameter {name}.", nameof(query));
            }
            apiQuery.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        var ids = expected.Select(f => f.Id).Order().ToList();
        Assert.True(ids.Count > 0, $"No funding line of the demo data matches {query}: the test would prove nothing.");
        return (ids, string.Join('&', apiQuery));
    }
}
