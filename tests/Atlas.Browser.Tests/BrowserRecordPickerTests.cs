using Atlas.Browser.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// In a real headless Chromium, the record picker's script (wwwroot/js/record-picker.js) finds an authority through the public
/// API without posting the form, and the authority ticked is saved with the partnership. No script error, no CSP violation.
/// </summary>
public sealed class BrowserRecordPickerTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    private const string Picker = "[data-testid='picker-Values.AuthorityIds']";
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task A_correspondent_finds_Oujda_by_typing_its_name_ticks_it_and_saves()
    {
        var ct = TestContext.Current.CancellationToken;
        var account = await served.CreateCorrespondentAsync("ambassade-rabat", "Rania Picker");
        int id, oujda;
        await using (var db = served.CreateContext())
        {
            id = await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(ct);
            oujda = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-oujda").Select(a => a.Id).SingleAsync(ct);
        }

        await using var context = await Browser.NewContextAsync(new() { BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // Script errors and CSP violations; a missing resource is told by its response below, with its address (the browser's own
        // favicon request, not one of the page's, is left out).
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) problems.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status} {response.Url}"); };
        page.PageError += (_, error) => problems.Add(error);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add($"{request.Method} {new Uri(request.Url).PathAndQuery}");

        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("[name='Email']", account.Email);
        await page.FillAsync("[name='Password']", account.Password);
        await page.ClickAsync("form.account-form button[type='submit']");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/espace");

        await page.GotoAsync($"/partenariats/{id}/modifier");
        await page.FillAsync("#f-Values-Title", "Woippy – Salé, avec Oujda");
        await page.FillAsync($"{Picker} [data-picker-query]", "oujda");
        requests.Clear();
        await page.ClickAsync($"{Picker} [data-picker-button]");
        var candidate = page.Locator($"{Picker} [data-picker-results] input[value='{oujda}']");
        await candidate.WaitForAsync();
        Assert.Contains(requests, r => r.StartsWith("GET /api/v1/authorities?q=oujda", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal("Woippy – Salé, avec Oujda", await page.InputValueAsync("#f-Values-Title"));

        await candidate.CheckAsync();
        // Ticked, it joins the chosen authorities, so that another search keeps it.
        Assert.Equal(1, await page.Locator($"{Picker} [data-picker-chosen] input[value='{oujda}']:checked").CountAsync());
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "partenariat-selecteur.png"), FullPage = true });

        await page.ClickAsync("[data-testid='partnership-edit-form'] .actions button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(new Uri(page.Url).AbsolutePath == $"/partenariats/{id}",
            $"Expected the partnership page after saving, got {page.Url}: {string.Join(" | ", await page.Locator(".field-error, [data-testid='form-error']").AllInnerTextsAsync())}");
        Assert.Contains("Oujda", await page.Locator("[data-testid='partnership-foreign']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join(" | ", problems));

        await using var after = served.CreateContext();
        Assert.True(await after.PartnershipAuthorities.AnyAsync(pa => pa.PartnershipId == id && pa.LocalAuthorityId == oujda, ct));
    }
}
