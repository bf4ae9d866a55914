using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class StatsApiTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonObject> StatsAsync()
    {
        using var client = fixture.App.CreateApiClient();
        return (await client.GetFromJsonAsync<JsonObject>("/api/v1/stats", Ct))!;
    }

    [Fact]
    public async Task The_totals_are_the_database_counts()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var stats = await StatsAsync();
        var totals = stats["totals"]!;
        Assert.Equal(await db.Projects.CountAsync(Ct), totals["projects"]!.GetValue<int>());
        Assert.Equal(await db.Partnerships.CountAsync(Ct), totals["partnerships"]!.GetValue<int>());
        Assert.Equal(await db.Fundings.CountAsync(Ct), totals["fundingLines"]!.GetValue<int>());
        Assert.Equal(stats["byCountry"]!.AsArray().Count, totals["partnerCountries"]!.GetValue<int>());
        Assert.True(totals["projects"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Funding_sums_per_currency_are_the_sql_sums_and_never_mix_currencies()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var sums = await db.Database.SqlQueryRaw<CurrencySum>(
            """
            SELECT currency_code::text AS currency, sum(amount) AS amount, coalesce(sum(water_law_amount), 0) AS water_law_amount, count(*)::int AS lines
            FROM fundings GROUP BY currency_code
            """).ToListAsync(Ct);
        var byYear = await db.Database.SqlQueryRaw<YearSum>(
            """
            SELECT year, currency_code::text AS currency, sum(amount) AS amount, count(*)::int AS lines
            FROM fundings GROUP BY year, currency_code
            """).ToListAsync(Ct);
        Assert.True(sums.Count > 1);

        var stats = await StatsAsync();
        var byCurrency = stats["fundingByCurrency"]!.AsArray();
        Assert.Equal(sums.Select(s => s.Currency).Order(StringComparer.Ordinal), byCurrency.Select(c => c!["currency"]!.GetValue<string>()));
        foreach (var sum in sums)
        {
            var item = byCurrency.Single(c => c!["currency"]!.GetValue<string>() == sum.Currency)!;
            Assert.Equal(sum.Amount, item["amount"]!.GetValue<decimal>());
            Assert.Equal(sum.WaterLawAmount, item["waterLawAmount"]!.GetValue<decimal>());
            Assert.Equal(sum.Lines, item["lines"]!.GetValue<int>());
        }

        var years = stats["fundingByYear"]!.AsArray();
        Assert.Equal(byYear.Count, years.Count);
        foreach (var sum in byYear)
        {
            var item = years.Single(y => y!["year"]?.GetValue<int>() == sum.Year && y["currency"]!.GetValue<string>() == sum.Currency)!;
            Assert.Equal(sum.Amount, item["amount"]!.GetValue<decimal>());
            Assert.Equal(sum.Lines, item["lines"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Partner_countries_count_their_projects_and_partnerships_and_france_is_left_out()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var projects = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries);
        var partnerships = await db.PartnershipAuthorities.Where(pa => pa.LocalAuthority!.CountryCode != "FR")
            .Select(pa => new { pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct().ToListAsync(Ct);
        var expected = projects.Keys.Concat(partnerships.Select(p => p.CountryCode)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(projects);

        var byCountry = (await StatsAsync())["byCountry"]!.AsArray();
        Assert.Equal(expected, byCountry.Select(c => c!["code"]!.GetValue<string>()));
        Assert.DoesNotContain("FR", expected);
        foreach (var country in byCountry)
        {
            var code = country!["code"]!.GetValue<string>();
            Assert.Equal(projects.GetValueOrDefault(code), country["projectCount"]!.GetValue<int>());
            Assert.Equal(partnerships.Count(p => p.CountryCode == code), country["partnershipCount"]!.GetValue<int>());
            Assert.Equal($"/api/v1/countries/{code}", country["apiUrl"]!.GetValue<string>());
        }
        Assert.Equal("Maroc", byCountry.Single(c => c!["code"]!.GetValue<string>() == "MA")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task French_regions_count_the_projects_and_partnerships_of_their_authorities()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var projects = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Regions);
        var french = await db.PartnershipAuthorities.Where(pa => pa.LocalAuthority!.CountryCode == "FR")
            .Select(pa => new { pa.PartnershipId, pa.LocalAuthority!.RegionCode, DepartmentRegion = pa.LocalAuthority.Department!.RegionCode })
            .ToListAsync(Ct);

        var byRegion = (await StatsAsync())["byRegion"]!.AsArray();
        Assert.NotEmpty(byRegion);
        Assert.NotEmpty(projects);
        Assert.Subset(byRegion.Select(r => r!["code"]!.GetValue<string>()).ToHashSet(), projects.Keys.ToHashSet());
        foreach (var region in byRegion)
        {
            var code = region!["code"]!.GetValue<string>();
            Assert.Equal(projects.GetValueOrDefault(code), region["projectCount"]!.GetValue<int>());
            Assert.Equal(french.Where(a => (a.RegionCode ?? a.DepartmentRegion) == code).Select(a => a.PartnershipId).Distinct().Count(),
                region["partnershipCount"]!.GetValue<int>());
        }
        Assert.Contains("93", byRegion.Select(r => r!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Themes_of_levels_one_and_two_count_the_projects_that_carry_them_and_the_partnerships_given_them()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var themes = await db.Themes.Select(t => new { t.Id, t.Key, t.ParentId, t.Level, t.SortOrder }).ToListAsync(Ct);
        var expected = themes.Where(t => t.Level == 1).OrderBy(t => t.SortOrder)
            .SelectMany(t => themes.Where(c => c.ParentId == t.Id).OrderBy(c => c.SortOrder).Prepend(t)).ToList();
        var facts = await ProjectFacts.LoadAsync(db);
        // A partnership is under a theme when it was given that theme or one of its sub-themes (partnership_themes and the tree).
        var partnershipThemes = await db.PartnershipThemes
            .Select(pt => new { pt.PartnershipId, pt.ThemeId, Parent = pt.Theme!.ParentId, Grand = pt.Theme.Parent!.ParentId }).ToListAsync(Ct);

        var byTheme = (await StatsAsync())["byTheme"]!.AsArray();
        Assert.Equal(expected.Select(t => t.Key), byTheme.Select(t => t!["key"]!.GetValue<string>()));
        foreach (var (theme, row) in byTheme.Zip(expected))
        {
            Assert.Equal(row.Level, theme!["level"]!.GetValue<int>());
            Assert.Equal(facts.Projects.Count(p => p.Themes.Contains(row.Id)), theme["projectCount"]!.GetValue<int>());
            Assert.Equal(partnershipThemes.Where(pt => pt.ThemeId == row.Id || pt.Parent == row.Id || pt.Grand == row.Id).Select(pt => pt.PartnershipId).Distinct().Count(),
                theme["partnershipCount"]!.GetValue<int>());
            if (row.Level == 2)
                Assert.Equal(themes.Single(t => t.Id == row.ParentId).Key, theme["parentKey"]!.GetValue<string>());
        }
        Assert.Contains(byTheme, t => t!["projectCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Years_count_every_project_by_start_and_every_partnership_by_signature()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var stats = await StatsAsync();
        var byYear = stats["byYear"]!.AsArray();
        Assert.Equal(stats["totals"]!["projects"]!.GetValue<int>(), byYear.Sum(y => y!["projectCount"]!.GetValue<int>()));
        Assert.Equal(stats["totals"]!["partnerships"]!.GetValue<int>(), byYear.Sum(y => y!["partnershipCount"]!.GetValue<int>()));
        foreach (var year in byYear.Where(y => y!["year"] is not null))
        {
            var value = year!["year"]!.GetValue<int>();
            Assert.Equal(await db.Projects.CountAsync(p => p.StartYear == value, Ct), year["projectCount"]!.GetValue<int>());
            Assert.Equal(await db.Partnerships.CountAsync(p => p.SignedYear == value, Ct), year["partnershipCount"]!.GetValue<int>());
        }
        var known = byYear.Where(y => y!["year"] is not null).Select(y => y!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(known.Order(), known);
    }

    [Theory]
    [InlineData("year=2010", "year")]
    [InlineData("country=MA", "country")]
    public Task Any_parameter_is_refused_and_named(string query, string parameter) =>
        ApiLists.AssertBadParameterAsync(fixture.App, $"/api/v1/stats?{query}", parameter);

    private sealed class CurrencySum
    {
        public string Currency { get; init; } = "";
        public decimal Amount { get; init; }
        public decimal WaterLawAmount { get; init; }
        public int Lines { get; init; }
    }

    private sealed class YearSum
    {
        public int? Year { get; init; }
        public string Currency { get; init; } = "";
        public decimal Amount { get; init; }
        public int Lines { get; init; }
    }
}
