using Microsoft.Playwright;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>The steps the editors' browser tests share: a French context with axe, going to a page, signing in, and checking a screen at 1280 and 375 px.</summary>
public static class BrowserSteps
{
    public const int Desktop = 1280;
    public const int Phone = 375;

    /// <summary>A French browser context on the served app, axe added, at desktop width.</summary>
    public static async Task<IBrowserContext> ContextAsync(IBrowser browser, ServedApp served)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR", ViewportSize = new() { Width = Desktop, Height = 900 },
        });
        await Axe.AddToAsync(context);
        return context;
    }

    /// <summary>
    /// The page at 1280 then 375 px: a screenshot of each (the whole page, and the window to show the save bar), axe, no
    /// sideways scrolling; what fails is added to <paramref name="failures"/>, so that every screen is kept before the test fails.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name, List<string> failures)
    {
        foreach (var width in new[] { Desktop, Phone })
        {
            await page.SetViewportSizeAsync(width, width == Desktop ? 900 : 800);
            await Screenshots.TakeAsync(page, name);
            await Screenshots.TakeAsync(page, $"{name}-fenetre", fullPage: false);
            var violations = await Axe.CheckAsync(page);
            Screenshots.Append("axe-results.txt", $"axe {page.Url} at {width}px: {violations.Count} violation(s)" + string.Concat(violations.Select(v => $"\n  {v}")));
            failures.AddRange(violations.Where(v => v.IsBlocking).Select(v => $"{name} at {width}px: {v}"));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0) failures.Add($"{name} at {width}px: the page is {overflow}px wider than the screen");
        }
        await page.SetViewportSizeAsync(Desktop, 900);
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await GoAsync(page, "/compte/connexion");
        await page.FillAsync("[name='Email']", email);
        await page.FillAsync("[name='Password']", password);
        await page.ClickAsync("form.account-form button[type='submit']");
        await ExpectAsync(page, !new Uri(page.Url).AbsolutePath.StartsWith("/compte/connexion", StringComparison.Ordinal), "to be signed in");
    }

    public static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await ExpectAsync(page, response is { Ok: true }, $"{path} answering 200 (got {response?.Status})");
    }

    /// <summary>Fails with what the page shows (and a screenshot of it) when it is not in the state expected.</summary>
    public static async Task ExpectAsync(IPage page, bool condition, string expected)
    {
        if (condition) return;
        await Screenshots.TakeAsync(page, "echec-edition");
        Assert.Fail($"Expected {expected}; the browser is at {page.Url} showing:\n{await page.Locator("body").InnerTextAsync()}");
    }
}
