using AngleSharp.Dom;
using Atlas.Web.Map;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Map;

[Collection(DemoAppCollection.Name)]
public sealed class MapPageTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_world_map_colours_each_partner_country_by_its_number_of_projects_and_links_to_its_page()
    {
        var page = await fixture.App.GetDocumentAsync("/carte");
        PageAssertions.IsClean(page);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = (await ProjectFacts.LoadAsync(db)).CountBy(p => p.Countries);
        Assert.NotEmpty(expected);

        var partners = await db.PartnershipAuthorities.Where(pa => pa.LocalAuthority!.CountryCode != "FR")
            .Select(pa => new { pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct()
            .GroupBy(x => x.CountryCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Ct);

        var areas = Areas(page, "monde");
        Assert.Equal(expected.OrderBy(e => e.Key), areas.Where(a => a.Value > 0).Select(a => KeyValuePair.Create(a.Code, a.Value)).OrderBy(e => e.Key));
        // Countries with partnerships but no project are drawn too, in the "partner" colour.
        var drawable = partners.Keys.Where(c => MapShapes.World.Paths.ContainsKey(c) || MapShapes.World.Dots.ContainsKey(c));
        Assert.Equal(drawable.Union(expected.Keys).Order(), areas.Select(a => a.Code).Order());
        Assert.All(areas.Where(a => a.Value == 0), a => Assert.Equal("map-p", a.Element.QuerySelector("path, circle")!.ClassName));
        // They are hatched in grey, never in a colour of the classes, so that they do not dominate the countries with projects.
        Assert.All(areas.Where(a => a.Value == 0), a => Assert.Equal("url(#monde-hachures)", a.Element.QuerySelector("path, circle")!.GetAttribute("fill")));
        Assert.NotNull(page.QuerySelector("[data-testid='map-monde'] pattern#monde-hachures"));
        Assert.All(areas, a => Assert.Equal($"/pays/{a.Code}", a.Element.GetAttribute("href")));
        Assert.All(areas, a => Assert.NotEmpty(a.Element.QuerySelectorAll("path, circle")));
        var morocco = areas.Single(a => a.Code == "MA");
        Assert.Equal($"Maroc : {expected["MA"]} projets, {partners["MA"]} partenariats", morocco.Element.GetAttribute("aria-label"));
        Assert.Contains("map-c5", morocco.Element.QuerySelector("path")!.ClassName, StringComparison.Ordinal);

        // The table says the same figures to whoever does not see the map.
        var rows = page.QuerySelectorAll("[data-testid='country-table'] tbody tr");
        Assert.Equal(expected.Keys.Union(partners.Keys).Count(), rows.Length);
        Assert.All(rows, r =>
        {
            var code = r.GetAttribute("data-code")!;
            Assert.Equal(expected.GetValueOrDefault(code).ToString(), r.QuerySelector("[data-testid='projects']")!.TextContent);
            Assert.Equal(partners.GetValueOrDefault(code).ToString(), r.QuerySelector("[data-testid='partnerships']")!.TextContent);
        });
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='map-monde'] .map-legend li"));
        // Each coloured country's class is the legend step that holds its figure.
        var legend = Choropleth.LegendFor(areas.Select(a => a.Value));
        Assert.All(areas.Where(a => a.Value > 0), a => Assert.Equal(
            $"map-c{legend.Single(s => a.Value >= s.From && a.Value <= s.To).Class}", a.Element.QuerySelector("path, circle")!.ClassName));
        // A tooltip beside the pointer or focus: one per map, hidden until atlas.js fills it, out of the accessibility tree.
        var tooltip = page.QuerySelector("[data-testid='map-monde'] [data-map-tooltip]")!;
        Assert.True(tooltip.HasAttribute("hidden"));
        Assert.Equal("true", tooltip.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task The_map_credits_its_outlines_in_words_not_package_names()
    {
        var page = await fixture.App.GetDocumentAsync("/carte");
        var credits = page.QuerySelector("[data-testid='map-credits']")!.TextContent;
        Assert.Contains("Natural Earth (domaine public)", credits, StringComparison.Ordinal);
        Assert.Contains("Victor Cazanave, d'après MapSVG (licence CC BY 4.0)", credits, StringComparison.Ordinal);
        foreach (var package in new[] { "npm", "world-atlas", "@svg-maps", "1:110m" })
            Assert.DoesNotContain(package, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_status_and_period_filters_change_the_map_and_stay_in_the_url()
    {
        var page = await fixture.App.GetDocumentAsync("/carte?theme=developpement-urbain&statut=completed&de=2000&a=2012");
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var facts = await ProjectFacts.LoadAsync(db);
        var matching = await facts.MatchingAsync(db, "theme=developpement-urbain&status=completed&yearFrom=2000&yearTo=2012");
        var expected = matching.SelectMany(p => p.Countries).CountBy(c => c).ToDictionary(c => c.Key, c => c.Value);
        Assert.NotEmpty(expected);

        Assert.Equal(expected.OrderBy(e => e.Key), Areas(page, "monde").Where(a => a.Value > 0).Select(a => KeyValuePair.Create(a.Code, a.Value)).OrderBy(e => e.Key));
        Assert.Contains(matching.Count + " projet", page.Text("map-total"), StringComparison.Ordinal);
        Assert.Equal("developpement-urbain", page.QuerySelector("#f-theme option[selected]")!.GetAttribute("value"));
        Assert.Equal("completed", page.QuerySelector("#f-statut option[selected]")!.GetAttribute("value"));
        // A French region's link opens the project list with the same filters.
        var region = Areas(page, "france").First();
        Assert.StartsWith("/projets?", region.Element.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("theme=developpement-urbain", region.Element.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"region={region.Code}", region.Element.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("de=2000", page.QuerySelector("[data-testid='map-departements']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task France_is_coloured_by_region_or_by_departement_with_each_region_drawn_from_its_departements()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var facts = await ProjectFacts.LoadAsync(db);
        var byRegion = facts.CountBy(p => p.Regions);
        var byDepartment = facts.CountBy(p => p.Departments);
        var paca = await db.Departments.CountAsync(d => d.RegionCode == "93", Ct);

        var regions = await fixture.App.GetDocumentAsync("/carte");
        var drawn = Areas(regions, "france");
        Assert.NotEmpty(drawn);
        Assert.All(drawn, a => Assert.Equal(byRegion[a.Code], a.Value));
        Assert.Equal(paca, drawn.Single(a => a.Code == "93").Element.QuerySelectorAll("path").Length);
        Assert.Equal(byRegion.Count, regions.QuerySelectorAll("[data-testid='france-table'] tbody tr").Length);
        Assert.Contains("outre-mer", regions.Text("map-overseas"), StringComparison.Ordinal);

        var departments = await fixture.App.GetDocumentAsync("/carte?niveau=departements");
        PageAssertions.IsClean(departments);
        var shown = Areas(departments, "france");
        Assert.NotEmpty(shown);
        Assert.All(shown, a => Assert.Equal(byDepartment[a.Code], a.Value));
        Assert.All(shown, a => Assert.Single(a.Element.QuerySelectorAll("path")));
        Assert.Equal(byDepartment.Count, departments.QuerySelectorAll("[data-testid='france-table'] tbody tr").Length);
    }

    [Theory]
    [InlineData("de=deux-mille", "de")]
    [InlineData("statut=perdu", "statut")]
    [InlineData("theme=inconnue", "theme")]
    public async Task A_bad_filter_gets_a_french_message_beside_its_field(string query, string field)
    {
        var page = await fixture.App.GetDocumentAsync($"/carte?{query}");
        Assert.False(string.IsNullOrWhiteSpace(page.Text($"field-error-{field}")));
        Assert.NotNull(page.QuerySelector("[data-testid='has-errors']"));
        Assert.Null(page.QuerySelector("[data-testid='map-monde']"));
    }

    internal sealed record Area(string Code, int Value, IElement Element);

    internal static List<Area> Areas(IDocument page, string map) =>
        page.QuerySelectorAll($"[data-testid='map-{map}'] a[data-testid='map-area']")
            .Select(a => new Area(a.GetAttribute("data-code")!, int.Parse(a.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture), a))
            .ToList();
}
