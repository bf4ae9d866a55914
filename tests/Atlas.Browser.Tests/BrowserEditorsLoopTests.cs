using System.Text.RegularExpressions;
using Atlas.Browser.Tests.Infrastructure;
using static Atlas.Browser.Tests.Infrastructure.BrowserSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// The editors' whole loop in one run of Chromium, as issue 14 tells it: a visitor asks for an editor account for Woippy;
/// the Rabat correspondent accepts it from the space; the new editor sets a password from the mail, declares a new project in
/// the Woippy–Salé partnership, saves it as a draft, comes back to it from the space and submits it; the correspondent sees it
/// and sends it back with a comment; the editor reads the comment, corrects and submits again; the correspondent approves; the
/// public page shows it and the history names the editor as author and the correspondent as approver; the editor then starts
/// declaring a partnership from the space, saves it as a draft and deletes it after confirming. Each screen at 1280 and
/// 375 px, kept as a screenshot, checked with axe. (Changes to an existing project go through the same review:
/// BrowserReviewTests.)
/// </summary>
public sealed class BrowserEditorsLoopTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    private const string PartnershipKey = "woippy--sale";
    private const string Title = "Jardins partagés de Salé";
    private const string Password = "un mot de passe de la nouvelle éditrice";

    [Fact]
    public async Task A_request_for_Woippy_becomes_an_editor_whose_declared_project_is_sent_back_corrected_approved_and_credited()
    {
        var ct = TestContext.Current.CancellationToken;
        var correspondent = await served.CreateCorrespondentAsync("ambassade-rabat", "Rachid Rabat");
        var email = $"lea.martin-{Guid.NewGuid():N}@woippy.test";
        int partnership;
        await using (var db = served.CreateContext()) partnership = await db.Partnerships.Where(p => p.Key == PartnershipKey).Select(p => p.Id).SingleAsync(ct);
        var failures = new List<string>();
        await using var editorContext = await BrowserSteps.ContextAsync(Browser, served);
        await using var reviewerContext = await BrowserSteps.ContextAsync(Browser, served);
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

        // The editor declares a new project in the Woippy–Salé partnership from its page, saves it as a draft, comes back to it
        // from the space, completes it and submits it.
        await GoAsync(editor, $"/partenariats/{partnership}");
        await editor.ClickAsync("[data-testid='new-project-link']");
        await editor.FillAsync("[name='Values.Title']", Title);
        await editor.FillAsync("[name='Values.Objectives']", "Créer des jardins partagés dans les quartiers de Salé.");
        await editor.ClickAsync("[data-testid='draft-save']");
        await ExpectAsync(editor, new Uri(editor.Url).AbsolutePath.StartsWith("/projets/brouillons/", StringComparison.Ordinal)
            && (await editor.Locator("[data-testid='notice']").InnerTextAsync()).Contains("brouillon", StringComparison.Ordinal), "the saved draft");
        await CheckAsync(editor, "boucle-5-brouillon", failures);
        await GoAsync(editor, "/espace");
        var draft = editor.Locator("[data-testid='space-draft']").Filter(new() { HasText = Title });
        await ExpectAsync(editor, await draft.CountAsync() == 1 && (await draft.Locator("[data-testid='space-draft-status']").InnerTextAsync()) == "Brouillon",
            "the draft in the editor's space");
        await CheckAsync(editor, "boucle-5-mes-brouillons", failures);
        await draft.Locator("[data-testid='space-draft-link']").ClickAsync();
        await editor.FillAsync("[name='Values.StartYear']", "2027");
        await SubmitDraftAsync(editor);

        // The correspondent sees it waiting in the space, every field it fills marked, and sends it back with a comment.
        await GoAsync(reviewer, "/espace");
        await ExpectAsync(reviewer, await reviewer.Locator("[data-testid='space-reviews-link']").CountAsync() == 1, "the waiting review in the space");
        await reviewer.ClickAsync("[data-testid='space-reviews-link']");
        var change = reviewer.Locator("[data-testid='pending-change']").Filter(new() { HasText = Title });
        await ExpectAsync(reviewer, await change.CountAsync() == 1 && await change.Locator("[data-testid='pending-new-project']").CountAsync() == 1,
            "the declared project in the review queue");
        var marked = await change.Locator("[data-field='objectives'] [data-testid='diff-proposed']").AllInnerTextsAsync();
        await ExpectAsync(reviewer, marked.Count == 1 && marked[0].Contains("jardins partagés", StringComparison.Ordinal), "the project's objectives as proposed");
        await CheckAsync(reviewer, "boucle-6-relecture", failures);
        const string comment = "Précisez les quartiers concernés, s’il vous plaît.";
        await change.Locator("textarea[name='comment']").FillAsync(comment);
        await change.Locator("[data-testid='send-back-form'] button[type='submit']").ClickAsync();
        await ExpectAsync(reviewer, await reviewer.Locator("[data-testid='notice']").CountAsync() == 1, "the notice of the project sent back");

        // The editor reads the comment in the space and on the draft, corrects and submits again.
        await GoAsync(editor, "/espace");
        var sentBack = editor.Locator("[data-testid='space-draft']").Filter(new() { HasText = comment });
        await ExpectAsync(editor, await sentBack.CountAsync() == 1, "the sent-back draft with its comment");
        await sentBack.Locator("[data-testid='space-draft-link']").ClickAsync();
        await ExpectAsync(editor, (await editor.Locator("[data-testid='draft-sent-back']").InnerTextAsync()).Contains(comment, StringComparison.Ordinal),
            "the comment above the draft's form");
        await CheckAsync(editor, "boucle-7-renvoye", failures);
        await editor.FillAsync("[name='Values.Objectives']", "Créer des jardins partagés dans les quartiers Hay Karima et Sidi Moussa.");
        await SubmitDraftAsync(editor);

        // The correspondent approves the corrected project: it is created and published.
        await GoAsync(reviewer, "/relecture");
        var corrected = reviewer.Locator("[data-testid='pending-change']").Filter(new() { HasText = "Sidi Moussa" });
        await ExpectAsync(reviewer, await corrected.CountAsync() == 1, "the corrected project in the review queue");
        await corrected.Locator("[data-testid='approve-form'] button").ClickAsync();
        var published = Regex.Match(new Uri(reviewer.Url).AbsolutePath, @"^/projets/(\d+)$");
        await ExpectAsync(reviewer, published.Success, "the published project's page after the approval");
        var id = int.Parse(published.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The public page shows it; the history names the editor as author and the correspondent as approver.
        await using (var visitorContext = await BrowserSteps.ContextAsync(Browser, served))
        {
            var visitor = await visitorContext.NewPageAsync();
            await GoAsync(visitor, $"/projets/{id}");
            var main = await visitor.Locator("main").InnerTextAsync();
            await ExpectAsync(visitor, main.Contains(Title, StringComparison.Ordinal) && main.Contains("Hay Karima et Sidi Moussa", StringComparison.Ordinal),
                "the approved project on the public page");
            await CheckAsync(visitor, "boucle-8-projet", failures);
        }
        await GoAsync(reviewer, $"/projets/{id}/historique");
        var entry = reviewer.Locator("[data-testid='history-entry']").First;
        Assert.Equal("Léa Martin", await entry.Locator("[data-testid='history-author']").InnerTextAsync());
        Assert.Equal(correspondent.Name, await entry.Locator("[data-testid='history-approver']").InnerTextAsync());
        await CheckAsync(reviewer, "boucle-9-historique", failures);

        // The editor starts declaring a partnership from the space, saves it as a draft, then thinks better of it and deletes it.
        const string partnershipTitle = "Échanges sportifs Woippy–Salé";
        await GoAsync(editor, "/espace");
        await editor.ClickAsync("[data-testid='space-declare-partnership']");
        await editor.FillAsync("[name='Values.Title']", partnershipTitle);
        await editor.ClickAsync("[data-testid='draft-save']");
        await ExpectAsync(editor, new Uri(editor.Url).AbsolutePath.StartsWith("/partenariats/brouillons/", StringComparison.Ordinal), "the saved partnership draft");
        await CheckAsync(editor, "boucle-10-partenariat-brouillon", failures);
        await editor.ClickAsync("[data-testid='draft-delete-link']");
        await CheckAsync(editor, "boucle-11-supprimer-brouillon", failures);
        await editor.ClickAsync("[data-testid='draft-delete-form'] button[type='submit']");
        await ExpectAsync(editor, new Uri(editor.Url).AbsolutePath == "/espace"
            && (await editor.Locator("[data-testid='notice']").InnerTextAsync()).Contains("supprimé", StringComparison.Ordinal)
            && await editor.Locator("[data-testid='space-draft']").Filter(new() { HasText = partnershipTitle }).CountAsync() == 0, "the draft deleted from the space");
        Assert.Empty(failures);
    }

    /// <summary>Submits the draft open in the form; the space says it waits for review.</summary>
    private static async Task SubmitDraftAsync(IPage page)
    {
        await page.ClickAsync("[data-testid='draft-submit']");
        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == "/espace"
            && (await page.Locator("[data-testid='notice']").InnerTextAsync()).Contains("soumis", StringComparison.Ordinal), "the notice of a submitted project");
    }
}
