using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;

namespace Atlas.Web.Tests.Identity;

/// <summary>
/// Every public page carries the footer's legal links (mentions légales, accessibilité with its status, données personnelles,
/// contact, plan du site) and the data licence, and the header's identity, search and main navigation.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class FooterLinksTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_public_page_has_the_footer_legal_links_and_the_data_licence()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var missing = new List<string>();
        foreach (var (_, path, status) in await PublicPages.AllAsync(db, Ct))
        {
            var page = await fixture.App.GetDocumentAsync(path, status);
            var footer = page.QuerySelector("footer [data-testid='footer-legal']");
            foreach (var link in PublicPages.LegalLinks)
            {
                if (footer?.QuerySelector($"a[href='{link}']") is null) missing.Add($"{path}: no link to {link} in the footer");
            }
            if (page.QuerySelector($"footer a[href='{PublicPages.LicenceUrl}'][rel='license']") is null) missing.Add($"{path}: no link to the data licence");
            if (!(footer?.TextContent.Contains("Accessibilité : non conforme", StringComparison.Ordinal) ?? false)) missing.Add($"{path}: no accessibility status");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_public_page_has_the_header_with_its_search_and_the_seven_sections()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        string[] sections = ["/projets", "/collectivites", "/pays", "/thematiques", "/carte", "/statistiques", "/donnees"];
        foreach (var (_, path, status) in await PublicPages.AllAsync(db, Ct))
        {
            var page = await fixture.App.GetDocumentAsync(path, status);
            Assert.NotNull(page.QuerySelector("header [data-testid='brand'][href='/']"));
            Assert.NotNull(page.QuerySelector("header form[role='search'][action='/projets'][method='get'] input[name='q']"));
            var nav = page.QuerySelector("header [data-testid='main-nav']")!;
            Assert.Equal(sections, nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        }
    }

    [Fact]
    public async Task The_information_pages_are_clean_and_in_french()
    {
        foreach (var path in PublicPages.LegalLinks.Append("/design"))
        {
            var page = await fixture.App.GetDocumentAsync(path);
            PageAssertions.IsClean(page);
        }
    }

    [Fact]
    public async Task The_section_of_the_page_is_marked_current_in_the_navigation()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        var current = page.QuerySelectorAll("[data-testid='main-nav'] a[aria-current='page']");
        Assert.Equal("/pays", Assert.Single(current).GetAttribute("href"));
        var home = await fixture.App.GetDocumentAsync("/");
        Assert.Empty(home.QuerySelectorAll("[data-testid='main-nav'] a[aria-current]"));
    }

    [Fact]
    public async Task The_search_lists_the_filters_in_force_each_removable()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?pays=MA&theme=developpement-urbain");
        var chips = page.QuerySelectorAll("[data-testid='filter-chip']");
        Assert.Equal(2, chips.Length);
        Assert.Contains(chips, c => PageAssertions.Normalize(c.TextContent) == "Retirer le filtre Pays partenaire : Maroc" && c.GetAttribute("href") == "/projets?theme=developpement-urbain");
        Assert.Contains(chips, c => c.GetAttribute("href") == "/projets?pays=MA");
        Assert.Null((await fixture.App.GetDocumentAsync("/projets")).QuerySelector("[data-testid='filter-chips']"));
    }
}
