using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Map;

[Collection(DemoAppCollection.Name)]
public sealed class PartnerMapTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_country_page_maps_the_regions_of_its_french_partners()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var partners = await db.LocalAuthorities
            .Where(a => a.CountryCode == "FR" && a.Partnerships.Any(pa => pa.Partnership!.Authorities.Any(o => o.LocalAuthority!.CountryCode == "MA")))
            .Select(a => a.RegionCode ?? a.Department!.RegionCode).ToListAsync(Ct);
        var expected = partners.OfType<string>().CountBy(r => r).ToDictionary(r => r.Key, r => r.Value);

        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        PageAssertions.IsClean(page);
        var areas = MapPageTests.Areas(page, "partenaires");
        Assert.Equal(expected.OrderBy(e => e.Key), areas.Select(a => KeyValuePair.Create(a.Code, a.Value)).OrderBy(e => e.Key));
        Assert.Equal("/projets?pays=MA&region=93", areas.Single(a => a.Code == "93").Element.GetAttribute("href"));
        Assert.StartsWith("Provence-Alpes-Côte d'Azur : ", areas.Single(a => a.Code == "93").Element.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_french_authority_page_maps_its_partners_abroad_zoomed_on_france_and_them()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // A French authority whose partners abroad are all in Morocco.
        var french = await db.LocalAuthorities
            .Where(a => a.CountryCode == "FR" && a.Partnerships.Any()
                && a.Partnerships.All(pa => pa.Partnership!.Authorities.All(o => o.LocalAuthority!.CountryCode == "FR" || o.LocalAuthority.CountryCode == "MA")))
            .OrderBy(a => a.Id).FirstAsync(Ct);
        var expected = await db.LocalAuthorities
            .Where(a => a.CountryCode != "FR" && a.Partnerships.Any(pa => pa.Partnership!.Authorities.Any(o => o.LocalAuthorityId == french.Id)))
            .GroupBy(a => a.CountryCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        Assert.NotEmpty(expected);

        var page = await fixture.App.GetDocumentAsync($"/collectivites/{french.Id}");
        PageAssertions.IsClean(page);
        var areas = MapPageTests.Areas(page, "partenaires");
        Assert.Equal(expected.OrderBy(e => e.Key), areas.Select(a => KeyValuePair.Create(a.Code, a.Value)).OrderBy(e => e.Key));
        Assert.All(areas, a => Assert.Equal($"/pays/{a.Code}", a.Element.GetAttribute("href")));
        // Zoomed on France and the partners: not the whole world, and far-away outlines are not sent.
        var svg = page.QuerySelector("[data-testid='map-partenaires'] svg")!;
        Assert.NotEqual(Web.Map.MapShapes.World.ViewBox, svg.GetAttribute("viewBox"));
        Assert.True(svg.QuerySelectorAll("path").Length < Web.Map.MapShapes.World.Codes.Count / 2);
    }

    [Fact]
    public async Task A_foreign_authority_page_maps_the_regions_of_its_french_partners()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var oujda = await db.LocalAuthorities.SingleAsync(a => a.Key == "ma-commune-oujda", Ct);
        var regions = await db.LocalAuthorities
            .Where(a => a.CountryCode == "FR" && a.Partnerships.Any(pa => pa.Partnership!.Authorities.Any(o => o.LocalAuthorityId == oujda.Id)))
            .Select(a => a.RegionCode ?? a.Department!.RegionCode).ToListAsync(Ct);

        var page = await fixture.App.GetDocumentAsync($"/collectivites/{oujda.Id}");
        var areas = MapPageTests.Areas(page, "partenaires");
        Assert.Equal(regions.OfType<string>().Distinct().Order(), areas.Select(a => a.Code).Order());
        Assert.All(areas, a => Assert.Equal($"/projets?collectivite={oujda.Id}&region={a.Code}", a.Element.GetAttribute("href")));
    }
}
