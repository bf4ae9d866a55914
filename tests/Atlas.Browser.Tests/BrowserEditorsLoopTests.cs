using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using static Atlas.Browser.Tests.Infrastructure.BrowserSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// The editors' whole loop in one run of Chromium, as issue 14 tells it: a visitor asks for an editor account for Woippy;
/// the Rabat correspondent accepts it from the space; the new editor sets a password from the mail, proposes a change to a
/// Woippy project and submits it; the correspondent sees it word by word and sends it back with a comment; the editor reads
/// the comment, corrects and submits again; the correspondent approves; the public page shows it and the history names the
/// editor as author and the correspondent as approver. Each screen at 1280 and 375 px, kept as a screenshot, checked with axe.
/// (Declaring a new project as a draft is not built yet: the editor changes an existing one.)
/// </summary>
public sealed class BrowserEditorsLoopTests(ServedApp served) : IClassFixture<ServedApp>, IAsyncLifetime
{
    private const string ProjectKey = "woippy--sale--developpement-social-quartiers";
    private const string Password = "un mot de passe de la nouvelle éditrice";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_request_for_Woippy_becomes_an_editor_whose_change_is_sent_back_corrected_approved_and_credited()
    {
        var ct = TestContext.Current.CancellationToken;
        var correspondent = await served.CreateCorrespondentAsync("ambassade-rabat", "Rachid Rabat");
        var email = $"lea.martin-{Guid.NewGuid():N}@woippy.test";
        int id;
        await using (var db = served.CreateContext()) id = await db.Projects.Where(p => p.Key == ProjectKey).Select(p => p.Id).SingleAsync(ct);
        var failures = new List<string>();
        await using var editorContext = await BrowserSteps.ContextAsync(_browser, served);
        await using var reviewerContext = await BrowserSteps.ContextAsync(_browser, served);
        var editor = await editorContext.NewPageAsync();
        var reviewer = await reviewerContext.NewPageAsync();

        // A visitor asks for an account. A person takes more than the form's 3 s minimum to fill it in (a robot that posts
        // at once is shown the same page and nothing is kept), so the browser waits as long before sending.
        await GoAsync(editor, "/compte/demande");
        await editor.FillAsync("[name='DisplayName']", "Léa Martin");
        await editor.FillAsync("[name='Email']", email);
        await editor.FillAsync("[name='Position']", "Chargée de mission relations internationales");
        await editor.FillAsync("[name='AuthorityName']", "Woippy");
        await CheckAsync(editor, "boucle-1-demande", failures);
        await editor.WaitForTimeoutAsync((float)(Atlas.Web.Pages.Compte.DemandeModel.MinimumFillTime + TimeSpan.FromMilliseconds(500)).TotalMilliseconds);
        await editor.ClickAsync("[data-testid='account-request-form'] button[type='submit']");
        if (await editor.Locator("[name='AuthorityId']").CountAsync() > 0)
        {
            await editor.GetByLabel("Ville de Woippy", new() { Exact = false }).First.CheckAsync();
            await editor.ClickAsync("[data-testid='account-request-form'] button[type='submit']");
        }
        await ExpectAsync(editor, await editor.Locator("[data-testid='request-sent']").CountAsync() == 1, "the request's confirmation");
        await CheckAsync(editor, "boucle-2-demande-envoyee", failures);

        // The Rabat correspondent accepts it from the space.
        await SignInAsync(reviewer, correspondent.Email, correspondent.Password);
        await ExpectAsync(reviewer, new Uri(reviewer.Url).AbsolutePath == "/espace", "the space after signing in");
        await reviewer.ClickAsync("[data-testid='space-account-requests-link']");
        var request = reviewer.Locator("[data-testid='account-request']").Filter(new() { HasText = email });
        await ExpectAsync(reviewer, await request.CountAsync() == 1, "the request in the correspondent's list");
        await CheckAsync(reviewer, "boucle-3-demandes", failures);
        await request.Locator("[data-testid='accept-form'] button[type='submit']").ClickAsync();
        await ExpectAsync(reviewer, (await reviewer.Locator("[data-testid='notice']").InnerTextAsync()).Contains(email, StringComparison.Ordinal),
            "the notice that the account is made and its link sent");

        // The new editor chooses a password from the mail, then signs in.
        var link = served.MailTextsTo(email).Select(text => Regex.Match(text, @"https?://\S+/compte/reinitialiser\S*").Value).LastOrDefault(l => l.Length > 0);
        Assert.NotNull(link);
        await GoAsync(editor, new Uri(link).PathAndQuery);
        await editor.FillAsync("[name='Email']", email);
        await editor.FillAsync("[name='NewPassword']", Password);
        await editor.FillAsync("[name='ConfirmPassword']", Password);
        await editor.ClickAsync("form.account-form button[type='submit']");
        await SignInAsync(editor, email, Password);
        await ExpectAsync(editor, new Uri(editor.Url).AbsolutePath == "/espace", "the new editor's space");
        await CheckAsync(editor, "boucle-4-espace-editrice", failures);

        // The editor proposes a paragraph; it waits for review.
        var objectives = await ProposeAsync(editor, id, "Accompagner les associations de quartier dans leurs projets.");
        await CheckAsync(editor, "boucle-5-proposition", failures);

        // The correspondent sees the waiting change from the space, word by word, and sends it back with a comment.
        await GoAsync(reviewer, "/espace");
        await ExpectAsync(reviewer, await reviewer.Locator("[data-testid='space-reviews-link']").CountAsync() == 1, "the waiting review in the space");
        await reviewer.ClickAsync("[data-testid='space-reviews-link']");
        var change = reviewer.Locator("[data-testid='pending-change']").Filter(new() { HasText = "associations de quartier" });
        await ExpectAsync(reviewer, await change.CountAsync() == 1, "the proposed change in the review queue");
        var marked = await change.Locator("[data-field='objectives'] ins").AllInnerTextsAsync();
        await ExpectAsync(reviewer, marked.Count == 1 && marked[0].Contains("associations de quartier", StringComparison.Ordinal),
            "the added paragraph marked word by word, and nothing else");
        await CheckAsync(reviewer, "boucle-6-relecture", failures);
        const string comment = "Précisez les quartiers concernés, s’il vous plaît.";
        await change.Locator("textarea[name='comment']").FillAsync(comment);
        await change.Locator("[data-testid='send-back-form'] button[type='submit']").ClickAsync();
        await ExpectAsync(reviewer, await reviewer.Locator("[data-testid='notice']").CountAsync() == 1, "the notice of the change sent back");

        // The editor reads the comment, corrects and submits again.
        await GoAsync(editor, "/relecture/mes-soumissions");
        var sentBack = editor.Locator("[data-testid='submission']").Filter(new() { HasText = comment });
        await ExpectAsync(editor, await sentBack.CountAsync() == 1, "the sent-back submission with its comment");
        await CheckAsync(editor, "boucle-7-renvoyee", failures);
        await ProposeAsync(editor, id, "Accompagner les associations des quartiers Hay Karima et Sidi Moussa.", objectives);

        // The correspondent approves the corrected change.
        await GoAsync(reviewer, "/relecture");
        var corrected = reviewer.Locator("[data-testid='pending-change']").Filter(new() { HasText = "Sidi Moussa" });
        await ExpectAsync(reviewer, await corrected.CountAsync() == 1, "the corrected change in the review queue");
        await corrected.Locator("[data-testid='approve-form'] button").ClickAsync();
        await ExpectAsync(reviewer, (await reviewer.Locator("[data-testid='notice']").InnerTextAsync()).Contains("approuvée", StringComparison.Ordinal),
            "the approval's notice");

        // The public page shows it; the history names the editor as author and the correspondent as approver.
        await using (var visitorContext = await BrowserSteps.ContextAsync(_browser, served))
        {
            var visitor = await visitorContext.NewPageAsync();
            await GoAsync(visitor, $"/projets/{id}");
            await ExpectAsync(visitor, (await visitor.Locator("main").InnerTextAsync()).Contains("Hay Karima et Sidi Moussa", StringComparison.Ordinal),
                "the approved paragraph on the public page");
            await CheckAsync(visitor, "boucle-8-projet", failures);
        }
        await GoAsync(reviewer, $"/projets/{id}/historique");
        var entry = reviewer.Locator("[data-testid='history-entry']").First;
        Assert.Equal("Léa Martin", await entry.Locator("[data-testid='history-author']").InnerTextAsync());
        Assert.Equal(correspondent.Name, await entry.Locator("[data-testid='history-approver']").InnerTextAsync());
        await CheckAsync(reviewer, "boucle-9-historique", failures);
        Assert.Empty(failures);
    }

    /// <summary>Replaces the project's objectives with <paramref name="original"/> (the form's, when null) and a new paragraph, and submits.</summary>
    private static async Task<string> ProposeAsync(IPage page, int id, string paragraph, string? original = null)
    {
        await GoAsync(page, $"/projets/{id}/modifier");
        var objectives = page.Locator("[name='Values.Objectives']");
        original ??= await objectives.InputValueAsync();
        await objectives.FillAsync(original + "\n\n" + paragraph);
        await page.Locator("[data-testid='edit-actions'] button[type='submit']").ClickAsync();
        await ExpectAsync(page, await page.Locator("[data-testid='notice']").CountAsync() == 1, "the notice of a submitted change");
        return original;
    }
}
