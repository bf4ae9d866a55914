using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Atlas.Browser.Tests;

/// <summary>
/// A visitor's walk through the public portal in a real headless Chromium, at phone and desktop widths: home, search,
/// filters by country and theme, a project, a country and one of its French partners, the map (a click on a country),
/// the statistics. Each page is
/// screenshot and checked with axe-core; any serious or critical violation fails the test.
/// </summary>
public sealed partial class PublicPagesTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    private readonly List<string> _report = [];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task A_visitor_goes_from_the_home_page_to_a_project_a_country_the_map_and_the_statistics(int width, int height)
    {
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = width, Height = height },
        });
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        var blocking = new List<string>();

        await GoAsync(page, "/");
        await CheckAsync(page, "01-accueil", blocking);

        await page.FillAsync("#home-q", "eau");
        await page.PressAsync("#home-q", "Enter");
        await page.WaitForURLAsync(new Regex(@"/projets\?q=eau"));
        await ExpectAsync(page, await page.Locator("[data-testid='result-item']").CountAsync() > 0, "results for « eau »");
        await CheckAsync(page, "02-recherche", blocking);

        await GoAsync(page, "/projets");
        // On a phone the filters fold behind « Filtres et tri »; from 62em they are open beside the results.
        if (!await page.Locator("[data-testid='filter-panel']").EvaluateAsync<bool>("panel => panel.open"))
            await page.ClickAsync("[data-testid='filter-toggle']");
        await page.SelectOptionAsync("#f-pays", "MA");
        await page.SelectOptionAsync("#f-theme", "developpement-urbain");
        await page.ClickAsync("form.filters .actions button[type='submit']");
        await page.WaitForURLAsync(new Regex(@"pays=MA.*theme=developpement-urbain|theme=developpement-urbain.*pays=MA"));
        var count = await page.Locator("[data-testid='result-count']").InnerTextAsync();
        await ExpectAsync(page, await page.Locator("[data-testid='result-item']").CountAsync() > 0, $"Moroccan urban development projects ({count})");
        await CheckAsync(page, "03-filtres-pays-theme", blocking);

        var first = page.Locator("[data-testid='result-item'] h3 a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/projets/\d+$"));
        await ExpectAsync(page, (await page.Locator("h1").InnerTextAsync()).Trim() == title.Trim(), $"the project « {title} »");
        await CheckAsync(page, "04-projet", blocking);

        await GoAsync(page, "/pays/MA");
        await ExpectAsync(page, await page.Locator("[data-testid='country-name']").InnerTextAsync() == "Maroc", "the page of Morocco");
        await CheckAsync(page, "05-pays", blocking);
        await page.Locator("[data-testid='partnership-item'] td[data-label='Collectivité française'] a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/collectivites/\d+$"));
        await ExpectAsync(page, await page.Locator("[data-testid='map-partenaires'] a[data-code='MA']").CountAsync() == 1, "Morocco on the French partner's map");
        await CheckAsync(page, "05b-collectivite", blocking);

        await GoAsync(page, "/carte");
        await CheckAsync(page, "06-carte", blocking);
        var egypt = page.Locator("[data-testid='map-monde'] a[data-code='EG']");
        if (width >= 1000)
        {
            await egypt.HoverAsync();
            await ExpectAsync(page, await TooltipBesideAsync(page, egypt, "Égypte :"), "Egypt's figure beside the pointer");
            await egypt.ClickAsync();
        }
        else
        {
            // On a phone the country is a few pixels wide: the keyboard reaches it as well.
            await egypt.FocusAsync();
            await ExpectAsync(page, await TooltipBesideAsync(page, egypt, "Égypte :"), "Egypt's figure beside it on keyboard focus");
            await page.Keyboard.PressAsync("Escape");
            await ExpectAsync(page, !await page.Locator("[data-testid='map-monde'] [data-map-tooltip]").IsVisibleAsync(), "Escape hides the tooltip");
            await egypt.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        await page.WaitForURLAsync(new Regex("/pays/EG$"));
        await ExpectAsync(page, await page.Locator("[data-testid='country-name']").InnerTextAsync() == "Égypte", "the page of Egypt after the map");
        await CheckAsync(page, "07-carte-clic-pays", blocking);

        await GoAsync(page, "/carte?niveau=departements&statut=completed");
        await CheckAsync(page, "08-carte-departements", blocking);

        await GoAsync(page, "/statistiques");
        await ExpectAsync(page, await page.Locator("[data-testid='chart'] svg").CountAsync() >= 8, "the statistics charts");
        // The data tables are folded under each chart: open them so that axe checks them too.
        foreach (var summary in await page.Locator("details.chart-data > summary").AllAsync()) await summary.ClickAsync();
        await CheckAsync(page, "09-statistiques", blocking);

        foreach (var line in _report) TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {Screenshots.Directory}");
        Assert.True(blocking.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", blocking));
    }

    [Fact]
    public async Task Axe_runs_in_the_page_and_reports_what_it_finds()
    {
        await using var context = await Browser.NewContextAsync();
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang='fr'><head><title>t</title></head><body><main><h1>t</h1><img src='data:,'></main></body></html>");
        var violations = await Axe.CheckAsync(page);
        Assert.Contains(violations, v => v.Id == "image-alt" && v.IsBlocking);
    }

    /// <summary>Screenshot, then axe: every violation is reported, the serious and critical ones fail the test.</summary>
    private async Task CheckAsync(IPage page, string name, List<string> blocking)
    {
        await Screenshots.TakeAsync(page, name);
        var violations = await Axe.CheckAsync(page);
        var path = new Uri(page.Url).PathAndQuery;
        var width = page.ViewportSize?.Width;
        var line = $"axe {path} at {width}px: {violations.Count} violation(s), {violations.Count(v => v.IsBlocking)} serious or critical"
            + string.Concat(violations.Select(v => $"\n  {v}"));
        _report.Add(line);
        Screenshots.Append("axe-results.txt", line);
        blocking.AddRange(violations.Where(v => v.IsBlocking).Select(v => $"{path} at {width}px: {v}"));
    }

    /// <summary>The map's tooltip shows the place's figure, within 120 px of the place.</summary>
    private static async Task<bool> TooltipBesideAsync(IPage page, ILocator area, string figure)
    {
        var tooltip = page.Locator("[data-testid='map-monde'] [data-map-tooltip]");
        if (!await tooltip.IsVisibleAsync() || !(await tooltip.InnerTextAsync()).StartsWith(figure, StringComparison.Ordinal)) return false;
        var a = await area.BoundingBoxAsync();
        var t = await tooltip.BoundingBoxAsync();
        if (a is null || t is null) return false;
        var dx = Math.Max(0, Math.Max(a.X - (t.X + t.Width), t.X - (a.X + a.Width)));
        var dy = Math.Max(0, Math.Max(a.Y - (t.Y + t.Height), t.Y - (a.Y + a.Height)));
        return dx < 120 && dy < 120;
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await ExpectAsync(page, response is { Ok: true }, $"{path} answering 200 (got {response?.Status})");
    }

    private static async Task ExpectAsync(IPage page, bool condition, string expected)
    {
        if (condition) return;
        await Screenshots.TakeAsync(page, "echec");
        Assert.Fail($"Expected {expected}; the browser is at {page.Url} showing:\n{await page.Locator("body").InnerTextAsync()}");
    }
}
