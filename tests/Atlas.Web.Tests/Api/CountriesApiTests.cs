using System.Linq.Expressions;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Data;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class CountriesApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("sort=-code")]
    [InlineData("sort=name")]
    [InlineData("sort=-name")]
    [InlineData("sort=projects")]
    [InlineData("sort=-projects")]
    [InlineData("sort=partnerships")]
    [InlineData("sort=-partnerships")]
    [InlineData("all=true&sort=-projects")]
    [InlineData("all=true&sort=name")]
    [InlineData("all=true&sort=-name")]
    [InlineData("all=true&sort=partnerships")]
    [InlineData("hasPartnerships=false&sort=name")]
    [InlineData("q=ma&sort=name")]
    [InlineData("all=true&q=ma&sort=-name")]
    public async Task Walking_every_page_returns_the_countries_the_database_finds_in_the_requested_order(string query)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var countries = await CountriesAsync(db);
        var parameters = ApiLists.Parameters(query).ToDictionary(p => p.Name, p => p.Value);
        bool? hasPartnerships = parameters.TryGetValue("hasPartnerships", out var has) ? bool.Parse(has) : null;
        // By default, partner countries: not France, with a partnership or a project (docs/portal.md, « Règles de calcul »).
        var partnersOnly = hasPartnerships is null && parameters.GetValueOrDefault("all") != "true";
        var matching = countries
            .Where(c => hasPartnerships is not { } wanted || (c.Partnerships > 0) == wanted)
            .Where(c => !partnersOnly || (c.Code != "FR" && (c.Partnerships > 0 || c.Projects > 0)))
            .Where(c => !parameters.TryGetValue("q", out var q) || ApiLists.MatchesWords(q, c.Name) || ApiLists.MatchesWords(q, c.NameEn))
            .ToList();
        // Codes and names in the database's own order (ORDER BY name, code on the countries table), not .NET's: a collation
        // given to the column later changes both sides alike. Counts sort as numbers, ties by code.
        var (sort, descending) = ApiLists.Sort(query, "code");
        var expected = sort switch
        {
            "code" => await OrderedAsync(db.Countries.Select(c => c.Code), c => c, descending),
            "name" => await OrderedAsync(db.Countries.Select(c => new { c.Code, c.Name }), c => c.Name, descending, c => c.Code),
            "projects" => Ordered(matching, c => c.Projects, descending),
            "partnerships" => Ordered(matching, c => c.Partnerships, descending),
            _ => throw new ArgumentException(sort, nameof(query)),
        };
        expected = expected.Where(matching.Select(c => c.Code).ToHashSet().Contains).ToList();
        var limit = query.Contains("all=true", StringComparison.Ordinal) && !query.Contains("q=", StringComparison.Ordinal) ? 37 : 3;
        Assert.True(expected.Count > limit, $"{query}: {expected.Count} countries fit in one page of {limit}.");

        using var client = fixture.App.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/countries", query, limit);
        Assert.Equal(expected, items.Select(i => i["code"]!.GetValue<string>()));
        Assert.Equal(expected.Count, total);
    }

    [Fact]
    public async Task By_default_the_list_holds_the_partner_countries_and_all_holds_every_country()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // France is the home side of every partnership: it has none of its own as a partner country.
        var withPartnerships = await db.Countries
            .Where(c => c.Code != "FR" && db.PartnershipAuthorities.Any(pa => pa.LocalAuthority!.CountryCode == c.Code))
            .Select(c => c.Code).ToListAsync(Ct);
        var withProjects = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries).Keys;
        var partners = withPartnerships.Union(withProjects).Where(c => c != "FR").ToList();
        var every = await db.Countries.Select(c => c.Code).ToListAsync(Ct);
        using var client = fixture.App.CreateApiClient();

        Assert.Equal(partners.Order(StringComparer.Ordinal), await CodesAsync(client, ""));
        Assert.DoesNotContain("FR", await CodesAsync(client, ""));
        Assert.Contains("EG", partners.Except(withPartnerships)); // a project in Egypt, no partnership
        Assert.Equal(withPartnerships.Order(StringComparer.Ordinal), await CodesAsync(client, "hasPartnerships=true&all=true"));
        Assert.Equal(every.Order(StringComparer.Ordinal), await CodesAsync(client, "all=true"));
        Assert.Equal(every.Except(withPartnerships).Order(StringComparer.Ordinal), await CodesAsync(client, "hasPartnerships=false"));
        Assert.Contains("MA", withPartnerships);
    }

    [Fact]
    public async Task Each_country_counts_its_partnerships_and_projects()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var partnerships = await db.PartnershipAuthorities.Where(pa => pa.LocalAuthority!.CountryCode != "FR")
            .Select(pa => new { pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct()
            .GroupBy(x => x.CountryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, Ct);
        var projects = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries);
        Assert.NotEmpty(projects);
        using var client = fixture.App.CreateApiClient();

        var (items, _) = await ApiLists.WalkAsync(client, "/api/v1/countries", "all=true", limit: 100);
        foreach (var item in items)
        {
            var code = item["code"]!.GetValue<string>();
            Assert.Equal(partnerships.GetValueOrDefault(code), item["partnershipCount"]!.GetValue<int>());
            Assert.Equal(projects.GetValueOrDefault(code), item["projectCount"]!.GetValue<int>());
            Assert.Equal($"/pays/{code}", item["url"]!.GetValue<string>());
            Assert.Equal($"/api/v1/countries/{code}", item["apiUrl"]!.GetValue<string>());
        }
        var morocco = items.Single(i => i["code"]!.GetValue<string>() == "MA");
        Assert.Equal("Maroc", morocco["name"]!.GetValue<string>());
        Assert.Equal("Morocco", morocco["nameEn"]!.GetValue<string>());
        Assert.True(morocco["projectCount"]!.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("maroc", "MA")]
    [InlineData("MOROCCO", "MA")]
    [InlineData("cote", "CI")]
    [InlineData("Côte", "CI")]
    [InlineData("emirats", "AE")]
    [InlineData("ile", "AX")]
    public async Task The_name_filter_ignores_accents_and_case(string q, string expected)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var countries = await db.Countries.Select(c => new { c.Code, c.Name, c.NameEn }).ToListAsync(Ct);
        var folded = ApiLists.Fold(q);
        var matching = countries.Where(c => ApiLists.Fold(c.Name).Contains(folded, StringComparison.Ordinal) || ApiLists.Fold(c.NameEn).Contains(folded, StringComparison.Ordinal))
            .Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(expected, matching);

        using var client = fixture.App.CreateApiClient();
        Assert.Equal(matching, await CodesAsync(client, $"all=true&q={Uri.EscapeDataString(q)}"));
    }

    [Theory]
    [InlineData("MA")]
    [InlineData("ma")]
    public async Task Morocco_has_the_Rabat_embassy_its_partnerships_and_french_partners(string code)
    {
        using var client = fixture.App.CreateApiClient();
        var country = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/countries/{code}", Ct))!;
        Assert.Equal("MA", country["code"]!.GetValue<string>());
        Assert.Equal("Maroc", country["name"]!.GetValue<string>());

        var post = Assert.Single(country["diplomaticPosts"]!.AsArray())!;
        Assert.Equal("Ambassade de France à Rabat", post["name"]!.GetValue<string>());
        Assert.Equal(["correspondent", "cocac"], post["contacts"]!.AsArray().Select(c => c!["role"]!.GetValue<string>()));
        Assert.All(post["contacts"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace(c!["name"]!.GetValue<string>())));
        Assert.DoesNotContain("@", country.ToJsonString(), StringComparison.Ordinal);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var partnerships = await db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == "MA")).Select(p => p.Id).ToListAsync(Ct);
        var listed = ApiLists.Ids(country["partnerships"]!.AsArray());
        Assert.Equal(partnerships.Order(), listed.Order());
        Assert.Equal(partnerships.Count, country["partnershipCount"]!.GetValue<int>());
        Assert.Equal((await ProjectFacts.LoadAsync(db)).Projects.Count(p => p.Countries.Contains("MA")), country["projectCount"]!.GetValue<int>());
        var first = country["partnerships"]![0]!;
        Assert.Equal($"/api/v1/partnerships/{first["id"]}", first["apiUrl"]!.GetValue<string>());
        Assert.Equal($"/pays/MA#partenariat-{first["id"]}", first["url"]!.GetValue<string>());

        var regions = country["frenchPartnersByRegion"]!.AsArray();
        Assert.NotEmpty(regions);
        var french = regions.SelectMany(r => r!["authorities"]!.AsArray()).ToList();
        Assert.All(french, a => Assert.Equal("FR", a!["country"]!.GetValue<string>()));
        var expectedFrench = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode == "FR" && pa.Partnership!.Authorities.Any(a => a.LocalAuthority!.CountryCode == "MA"))
            .Select(pa => pa.LocalAuthorityId).Distinct().ToListAsync(Ct);
        Assert.Equal(expectedFrench.Order(), french.Select(a => a!["id"]!.GetValue<int>()).Order());
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("MAR")]
    [InlineData("1A")]
    public Task An_unknown_country_is_a_404_problem(string code) =>
        ApiLists.AssertNotFoundAsync(fixture.App, $"/api/v1/countries/{code}");

    [Theory]
    [InlineData("all=yes", "all")]
    [InlineData("hasPartnerships=1", "hasPartnerships")]
    [InlineData("sort=population", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=nope", "cursor")]
    [InlineData("contry=MA", "contry")]
    [InlineData("q=a&q=b", "q")]
    public Task Bad_parameters_get_a_problem_naming_them(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/countries?{query}", parameter);

    [Fact]
    public Task A_too_long_name_query_is_refused() =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/countries?q={new string('a', 101)}", "q");

    [Fact]
    public Task The_detail_refuses_parameters() =>
        ApiLists.AssertBadParameterAsync(fixture.App, "/api/v1/countries/MA?lang=en", "lang");

    private sealed record CountryCounts(string Code, string Name, string NameEn, int Partnerships, int Projects);

    /// <summary>Every country with its partnerships (with an authority of the country) and its projects (ProjectFacts), from the base tables.</summary>
    private static async Task<List<CountryCounts>> CountriesAsync(AtlasDbContext db)
    {
        var projects = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries);
        var countries = await db.Countries
            .Select(c => new { c.Code, c.Name, c.NameEn, Partnerships = c.Code == "FR" ? 0 : db.Partnerships.Count(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == c.Code)) })
            .ToListAsync(Ct);
        return countries.Select(c => new CountryCounts(c.Code, c.Name, c.NameEn, c.Partnerships, projects.GetValueOrDefault(c.Code))).ToList();
    }

    /// <summary>The codes in the order of the database, by a key then (when given) by code.</summary>
    private static async Task<List<string>> OrderedAsync<TRow>(
        IQueryable<TRow> rows, Expression<Func<TRow, string>> key, bool descending, Expression<Func<TRow, string>>? code = null)
    {
        var ordered = ApiLists.SortedBy(rows, key, descending);
        var codes = (code is null ? ordered : ordered.ThenBy(code)).Select(code ?? key);
        return await codes.ToListAsync(Ct);
    }

    private static List<string> Ordered(List<CountryCounts> countries, Func<CountryCounts, int> count, bool descending) =>
        (descending ? countries.OrderByDescending(count) : countries.OrderBy(count)).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code).ToList();

    private static async Task<List<string>> CodesAsync(HttpClient client, string query)
    {
        var (items, total) = await ApiLists.WalkAsync(client, "/api/v1/countries", query, limit: 100);
        Assert.Equal(total, items.Count);
        return items.Select(i => i["code"]!.GetValue<string>()).ToList();
    }
}
