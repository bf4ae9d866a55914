using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// « Mon espace » in a real headless Chromium: the Rabat correspondent lands there on signing in, at 1280 and 375 px, axe
/// clean; filters the records to confirm, says one is still correct in one click, and its public page stops warning.
/// </summary>
public sealed class BrowserSpaceTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    [Fact]
    public async Task A_correspondent_lands_on_the_space_and_confirms_a_stale_record_which_then_no_longer_warns_on_its_page()
    {
        var account = await served.CreateCorrespondentAsync("ambassade-rabat", "Rim Correspondante");
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("[name='Email']", account.Email);
        await page.FillAsync("[name='Password']", account.Password);
        await page.ClickAsync("form.account-form button[type='submit']");
        await page.WaitForURLAsync(new Regex("/espace$"));

        Assert.Equal("Mon espace", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid='space-record']").CountAsync() > 0, "records listed");
        await Screenshots.TakeAsync(page, "espace-correspondant");
        await ExpectNoBlockingViolationsAsync(page);

        // The records to confirm, projects only; the first one is said to be still correct.
        await page.SelectOptionAsync("#s-type", "projets");
        await page.SelectOptionAsync("#s-fraicheur", "anciennes");
        await page.ClickAsync("[data-testid='space-filter'] button[type='submit']");
        await page.WaitForURLAsync(new Regex(@"/espace\?.*fraicheur=anciennes"));
        var first = page.Locator("[data-testid='space-record']").First;
        Assert.Equal("true", await first.GetAttributeAsync("data-stale"));
        var id = int.Parse((await first.GetAttributeAsync("data-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Screenshots.TakeAsync(page, "espace-a-confirmer");

        await page.GotoAsync($"/projets/{id}");
        Assert.True(await page.Locator("[data-testid='freshness-notice']").IsVisibleAsync(), "the stale project's page warns");
        await Screenshots.TakeAsync(page, "projet-non-confirme", fullPage: false);

        await page.GoBackAsync();
        await page.Locator($"[data-testid='space-record'][data-id='{id}'] [data-testid='space-confirm']").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/espace\?"));
        Assert.Equal("Le projet est confirmé comme toujours exact.", await page.Locator("[data-testid='notice']").InnerTextAsync());
        Assert.Equal(0, await page.Locator($"[data-testid='space-record'][data-id='{id}']").CountAsync());
        await using (var db = served.CreateContext())
            Assert.NotNull(await db.Projects.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(TestContext.Current.CancellationToken));

        await page.GotoAsync($"/projets/{id}");
        Assert.Equal(0, await page.Locator("[data-testid='freshness-notice']").CountAsync());

        // On a phone: the same space, one column, nothing wider than the screen but the table's own scroll.
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/espace");
        await Screenshots.TakeAsync(page, "espace-telephone");
        await Screenshots.TakeAsync(page, "espace-telephone-haut", fullPage: false);
        var wider = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => !e.closest('details:not([open]) > :not(summary)') && e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 10)");
        Assert.True(wider.Length == 0, "wider than a 375 px screen: " + string.Join(", ", wider));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 375 px");
        await ExpectNoBlockingViolationsAsync(page);
    }

    private static async Task ExpectNoBlockingViolationsAsync(IPage page)
    {
        var blocking = (await Axe.CheckAsync(page)).Where(v => v.IsBlocking).ToList();
        Assert.True(blocking.Count == 0, string.Join("\n", blocking));
    }
}
