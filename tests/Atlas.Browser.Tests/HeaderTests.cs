using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// The header in a real headless Chromium: two rows at most on a desktop, even for an administrator's many links (folded into
/// one « Mon compte » menu); one row and a « Menu » button on a phone; every part reachable and usable with the keyboard.
/// </summary>
public sealed class HeaderTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    [Fact]
    public async Task The_header_of_a_signed_in_administrator_keeps_two_rows_at_1280_px_and_one_on_a_phone()
    {
        var admin = await served.CreateAdministratorAsync("Administratrice au nom assez long pour le menu");
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("[name='Email']", admin.Email);
        await page.FillAsync("[name='Password']", admin.Password);
        await page.ClickAsync("form.account-form button[type='submit']");
        await page.WaitForURLAsync(new Regex("/espace$"));
        await page.GotoAsync("/pays/MA");

        // Row one: identity, search and account side by side; row two: the seven sections on one line.
        var bar = await BoxAsync(page, ".header-bar");
        foreach (var part in new[] { "[data-testid='brand']", "[data-testid='header-search']", ".account-menu > summary" })
        {
            var box = await BoxAsync(page, part);
            Assert.True(box.Y >= bar.Y && box.Y + box.Height <= bar.Y + bar.Height, $"{part} ({box.Y}, {box.Height}) outside the first row ({bar.Y}, {bar.Height})");
        }
        Assert.True(bar.Height <= 90, $"the first row is {bar.Height}px high");
        var tops = new HashSet<float>();
        foreach (var link in await page.Locator("[data-testid='main-nav'] a").AllAsync()) tops.Add((await link.BoundingBoxAsync())!.Y);
        Assert.Single(tops);
        var header = await BoxAsync(page, "[data-testid='site-header']");
        Assert.True(header.Height <= 150, $"the header is {header.Height}px high: more than two rows");
        Assert.False(await page.Locator("[data-testid='site-menu']").IsVisibleAsync());
        await Screenshots.TakeAsync(page, "entete-administrateur", fullPage: false);

        // The account menu opens on a click and holds every signed-in link.
        await page.ClickAsync(".account-menu > summary");
        var panel = page.Locator(".account-menu-panel");
        Assert.True(await panel.IsVisibleAsync());
        foreach (var id in new[] { "account-link", "space-link", "review-link", "submissions-link", "tokens-link", "new-partnership-link", "new-authority-link", "new-post-link", "admin-accounts-link", "admin-bin-link" })
            Assert.True(await panel.Locator($"[data-testid='{id}']").IsVisibleAsync(), $"{id} in the account menu");
        Assert.True(await panel.Locator("form[method='post'] input[name='__RequestVerificationToken']").CountAsync() == 1);
        await Screenshots.TakeAsync(page, "entete-menu-compte", fullPage: false);
        await ExpectNoBlockingViolationsAsync(page);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await panel.IsVisibleAsync());

        // On a phone: one row, identity and « Menu »; the menu holds the search, the sections and the account.
        await page.SetViewportSizeAsync(375, 812);
        var phoneHeader = await BoxAsync(page, "[data-testid='site-header']");
        Assert.True(phoneHeader.Height <= 90, $"the phone header is {phoneHeader.Height}px high");
        Assert.False(await page.Locator("[data-testid='main-nav']").IsVisibleAsync());
        Assert.False(await page.Locator("[data-testid='header-search']").IsVisibleAsync());
        await page.ClickAsync("[data-testid='site-menu'] > summary");
        var menu = page.Locator(".site-menu-panel");
        Assert.True(await menu.Locator("#menu-q").IsVisibleAsync());
        Assert.Equal(7, await menu.Locator("nav[aria-label='Navigation principale'] a").CountAsync());
        Assert.True(await menu.Locator("a[href='/pays'][aria-current='page']").IsVisibleAsync());
        Assert.True(await menu.Locator(".account-nav--menu a[href='/admin/comptes']").IsVisibleAsync());
        await Screenshots.TakeAsync(page, "entete-menu-telephone", fullPage: false);
        await ExpectNoBlockingViolationsAsync(page);
    }

    [Fact]
    public async Task The_header_works_with_the_keyboard_alone()
    {
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // The skip link comes first, shows when focused, and leads to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await FocusedTextAsync(page));
        var skip = (await page.Locator(".skip-link").BoundingBoxAsync())!;
        Assert.True(skip.Y >= 0, "the skip link shows when focused");
        await Screenshots.TakeAsync(page, "clavier-lien-evitement", fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("contenu", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Then the identity, the search, « Se connecter », the sections in order.
        await page.GotoAsync("/");
        var expected = new[] { "Aller au contenu", "Atlas de la coopération décentralisée", "[q]", "Rechercher", "Se connecter", "Projets", "Collectivités" };
        foreach (var text in expected)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(text, await FocusedTextAsync(page));
        }
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("[q]", await FocusedTextAsync(page));
        await page.Keyboard.TypeAsync("eau");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/projets\?q=eau$"));

        // On a phone, « Menu » opens with Enter and closes with Escape, focus back on it.
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/");
        foreach (var text in new[] { "Aller au contenu", "Atlas de la coopération décentralisée", "Menu" })
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(text, await FocusedTextAsync(page));
        }
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator(".site-menu-panel").IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("[q]", await FocusedTextAsync(page));
        await Screenshots.TakeAsync(page, "clavier-menu-telephone", fullPage: false);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator(".site-menu-panel").IsVisibleAsync());
        Assert.Equal("Menu", await FocusedTextAsync(page));
    }

    /// <summary>The focused element's visible text, or [name] for a field.</summary>
    private static Task<string> FocusedTextAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; return e.tagName === 'INPUT' ? '[' + e.name + ']' : e.innerText.trim(); }");

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string selector) =>
        await page.Locator(selector).First.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{selector} is not shown");

    private static async Task ExpectNoBlockingViolationsAsync(IPage page)
    {
        var blocking = (await Axe.CheckAsync(page)).Where(v => v.IsBlocking).ToList();
        Assert.True(blocking.Count == 0, string.Join("\n", blocking));
    }
}
