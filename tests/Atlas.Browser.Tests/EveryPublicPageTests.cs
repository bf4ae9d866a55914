using Atlas.Browser.Tests.Infrastructure;
using Atlas.Web.Tests.Identity;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// Every public page (one of each kind: home, search with filters, a project, a country, an authority, a partnership, a post,
/// the map, the statistics, the data, the five legal pages, /design, an error page) in a real headless Chromium at a phone's,
/// a tablet's and a desktop's width: each is kept as a screenshot (page-{name}-{width}px.png), checked with axe-core (a serious
/// or critical violation fails the test), and must show the footer's legal links and fit the screen's width.
/// </summary>
public sealed class EveryPublicPageTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    [Theory]
    [InlineData(375, 812)]
    [InlineData(768, 1024)]
    [InlineData(1280, 900)]
    public async Task Every_public_page_fits_the_screen_shows_the_legal_links_and_passes_axe(int width, int height)
    {
        IReadOnlyList<(string Name, string Path, HttpStatusCode Status)> pages;
        await using (var db = served.CreateContext()) pages = await PublicPages.AllAsync(db, TestContext.Current.CancellationToken);

        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = width, Height = height },
        });
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        var failures = new List<string>();

        foreach (var (name, path, status) in pages)
        {
            var response = await page.GotoAsync(path);
            if (response?.Status != (int)status)
            {
                failures.Add($"{path} at {width}px: answered {response?.Status}, expected {(int)status}");
                continue;
            }
            // The data tables of the charts are folded: open them so that axe checks them too. (A directory's filters and the
            // search's are a disclosure only on phones: wider, its summary is hidden and its content shown.)
            foreach (var summary in await page.Locator("main details:not([open]) > summary").AllAsync())
            {
                if (await summary.IsVisibleAsync()) await summary.ClickAsync();
            }

            await Screenshots.TakeAsync(page, $"page-{name}");
            var violations = await Axe.CheckAsync(page);
            var line = $"axe {path} at {width}px: {violations.Count} violation(s), {violations.Count(v => v.IsBlocking)} serious or critical"
                + string.Concat(violations.Select(v => $"\n  {v}"));
            Screenshots.Append("axe-results.txt", line);
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            failures.AddRange(violations.Where(v => v.IsBlocking).Select(v => $"{path} at {width}px: {v}"));

            var legal = page.Locator("footer [data-testid='footer-legal'] a");
            var visible = 0;
            foreach (var link in await legal.AllAsync()) visible += await link.IsVisibleAsync() ? 1 : 0;
            if (visible != PublicPages.LegalLinks.Count) failures.Add($"{path} at {width}px: {visible} legal links visible in the footer");

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0) failures.Add($"{path} at {width}px: the page is {overflow}px wider than the screen");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {Screenshots.Directory}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
