using System.Globalization;
using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// A Rabat correspondent, in a real headless Chromium, signs in, changes a funding line of a Moroccan project, sees the
/// new amount on the public page and the change in the project's history. A screenshot of each step is kept.
/// </summary>
public sealed class BrowserEditingTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    private const string ProjectKey = "aix-en-provence--oujda--pdu";
    private const int Desktop = 1280;
    private const int Phone = 375;

    [Fact]
    public async Task A_correspondent_signs_in_edits_a_funding_line_and_sees_it_on_the_page_and_in_the_history()
    {
        var account = await served.CreateCorrespondentAsync("ambassade-rabat", "Rim Correspondante");
        var (projectId, oldAmount, currency) = await FirstFundingAsync();
        var newAmount = oldAmount + 123_456m;

        await using var context = await Browser.NewContextAsync(new() { BaseURL = served.BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Desktop, 900);

        await GoAsync(page, "/compte/connexion");
        await page.FillAsync("[name='Email']", account.Email);
        await page.FillAsync("[name='Password']", account.Password);
        await ShotAsync(page, "1-connexion");
        await page.ClickAsync("form.account-form button[type='submit']");
        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == "/espace", "the space after signing in");

        await GoAsync(page, $"/projets/{projectId}/modifier");
        await ExpectAsync(page, await page.Locator("[data-testid='project-edit-form']").CountAsync() == 1, "the project's edit form");
        var amountField = page.Locator("[data-testid='funding-rows'] [name='Rows[0].Amount']");
        // Shown the French way (« 81 270 »), typed back so.
        Assert.Equal(Atlas.Web.Pages.Shared.Format.Number(oldAmount), await amountField.InputValueAsync());
        await amountField.FillAsync(Atlas.Web.Pages.Shared.Format.Number(newAmount));
        await ShotAsync(page, "2-modifier", fullPage: false);
        await page.ClickAsync("[data-testid='edit-actions'] button[type='submit']");

        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/projets/{projectId}", "the public page after saving");
        Assert.Equal("Vos modifications ont été enregistrées.", await TextAsync(page, "notice"));
        var fundings = Regex.Replace(await TextAsync(page, "field-fundings"), @"\s", "");
        await ExpectAsync(page, fundings.Contains(Digits(newAmount), StringComparison.Ordinal), $"the new amount {Digits(newAmount)} among the fundings");
        await ShotAsync(page, "3-projet");

        await page.ClickAsync("[data-testid='history-link']");
        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/projets/{projectId}/historique", "the project's history");
        var fields = await page.Locator("[data-testid='history-field']").AllInnerTextsAsync();
        var (before, after) = (Atlas.Core.Editing.Review.ValuesDiff.Amount(oldAmount, currency), Atlas.Core.Editing.Review.ValuesDiff.Amount(newAmount, currency));
        await ExpectAsync(page, fields.Any(f => f.Contains("Montant", StringComparison.Ordinal)
            && f.Contains(before, StringComparison.Ordinal) && f.Contains(after, StringComparison.Ordinal)),
            $"the amount's change {before} → {after} in the history");
        Assert.Equal(account.Name, await page.Locator("[data-testid='history-author']").First.InnerTextAsync());
        await ShotAsync(page, "4-historique");

        await page.SetViewportSizeAsync(Phone, 800);
        await ShotAsync(page, "5-historique-mobile");
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {Screenshots.Directory}");
    }

    /// <summary>The project's id and the amount and currency of its first funding line, as the edit form orders them.</summary>
    private async Task<(int ProjectId, decimal Amount, string? Currency)> FirstFundingAsync()
    {
        await using var db = served.CreateContext();
        var project = await db.Projects.AsNoTracking().Include(p => p.Fundings)
            .SingleAsync(p => p.Key == ProjectKey, TestContext.Current.CancellationToken);
        var values = ProjectValues.Of(project);
        Assert.NotEmpty(values.Fundings);
        return (project.Id, values.Fundings[0].Amount ?? 0m, values.Fundings[0].CurrencyCode);
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await ExpectAsync(page, response is { Ok: true }, $"{path} answering 200 (got {response?.Status})");
    }

    /// <summary>Fails with what the page shows when it is not in the state expected.</summary>
    private static async Task ExpectAsync(IPage page, bool condition, string expected)
    {
        if (condition) return;
        await ShotAsync(page, "echec");
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Fail($"Expected {expected}; the browser is at {page.Url} showing:\n{text}");
    }

    private static async Task<string> TextAsync(IPage page, string testId)
    {
        var element = page.Locator($"[data-testid='{testId}']");
        await ExpectAsync(page, await element.CountAsync() > 0, $"an element [data-testid='{testId}']");
        return await element.First.InnerTextAsync();
    }

    private static Task ShotAsync(IPage page, string name, bool fullPage = true) => Screenshots.TakeAsync(page, name, fullPage);

    private static string Digits(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", CultureInfo.GetCultureInfo("fr-FR"));
}
