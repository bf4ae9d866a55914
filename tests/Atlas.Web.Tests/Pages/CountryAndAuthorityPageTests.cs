using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class CountryAndAuthorityPageTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task A_country_page_shows_its_embassy_partnerships_and_french_partners_by_region()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        PageAssertions.IsClean(page);
        Assert.Equal("Maroc", page.Text("country-name"));
        Assert.Contains("Ambassade de France à Rabat", page.Text("post"), StringComparison.Ordinal);
        Assert.Contains("frederick.coopdec [at] gmail.com", page.Text("post"), StringComparison.Ordinal);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await db.Partnerships.CountAsync(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == "MA"), TestContext.Current.CancellationToken);
        // Morocco's partnerships fill more than one page: the first page shows the first of them, the figures count them all.
        Assert.Equal(Math.Min(expected, Web.Pages.Pays.PaysDetailModel.PageSize), page.QuerySelectorAll("[data-testid='partnership-item']").Length);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".figures li strong")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("[data-testid='region-group']"), g => g.TextContent.Contains("Provence-Alpes-Côte d'Azur", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("a[href='/projets?pays=MA']"));
    }

    [Fact]
    public async Task Lowercase_country_codes_work_too()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/lb");
        Assert.Equal("Liban", page.Text("country-name"));
    }

    [Fact]
    public async Task An_authority_page_shows_its_identity_leader_population_partnerships_and_projects()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var oujda = await db.LocalAuthorities.SingleAsync(a => a.Key == "ma-commune-oujda", TestContext.Current.CancellationToken);
        var page = await fixture.App.GetDocumentAsync($"/collectivites/{oujda.Id}");
        PageAssertions.IsClean(page);
        Assert.Equal(oujda.Name, page.Text("authority-name"));
        Assert.Contains(oujda.LeaderName!, page.Text("authority-leader"), StringComparison.Ordinal);
        Assert.Contains("500 000", page.Text("authority-population"), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='partnership-item']"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid='project-item'] a[href^='/projets/']"));
    }
}
