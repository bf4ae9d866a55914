using Atlas.Browser.Tests.Infrastructure;
using static Atlas.Browser.Tests.Infrastructure.BrowserSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests;

/// <summary>
/// The editors' side in Chromium at 1280 and 375 px, each screen kept as a screenshot and checked with axe: the Woippy editor
/// proposes a longer text from the form (sections, save bar), the Rabat correspondent sees it word by word and approves it,
/// the history names both; a form posted after the session ended gets back what was typed once signed in again.
/// </summary>
public sealed class BrowserReviewTests(ServedApp served) : BrowserTest, IClassFixture<ServedApp>
{
    private const string ProjectKey = "woippy--sale--developpement-social-quartiers";

    [Fact]
    public async Task A_proposed_text_is_reviewed_word_by_word_approved_and_the_history_names_its_author_and_its_approver()
    {
        var editor = await served.CreateAuthorityEditorAsync("fr-commune-woippy", "Wendy Woippy");
        var correspondent = await served.CreateCorrespondentAsync("ambassade-rabat", "Rami Rabat");
        var id = await ProjectIdAsync();
        var failures = new List<string>();

        await using (var context = await BrowserSteps.ContextAsync(Browser, served))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, editor.Email, editor.Password);
            await GoAsync(page, $"/projets/{id}/modifier");
            var objectives = page.Locator("[name='Values.Objectives']");
            var old = await objectives.InputValueAsync();
            await objectives.FillAsync(old + "\n\nAccompagner les associations de quartier dans leurs projets.");
            await CheckAsync(page, "edition-formulaire", failures);
            await SubmitForReviewAsync(page);
        }

        await using (var context = await BrowserSteps.ContextAsync(Browser, served))
        {
            var page = await context.NewPageAsync();
            var change = await PendingChangeAsync(page, correspondent, "associations de quartier");
            var added = await change.Locator("[data-field='objectives'] ins").AllInnerTextsAsync();
            await ExpectAsync(page, added.Count == 1 && added[0].Contains("Accompagner les associations de quartier", StringComparison.Ordinal),
                "the added paragraph marked, and nothing else");
            await CheckAsync(page, "edition-relecture", failures);

            await change.Locator("[data-testid='approve-form'] button").ClickAsync();
            await ExpectAsync(page, (await page.Locator("[data-testid='notice']").InnerTextAsync()).Contains("approuvée", StringComparison.Ordinal), "the approval's notice");

            await GoAsync(page, $"/projets/{id}/historique");
            var entry = page.Locator("[data-testid='history-entry']").First;
            Assert.Equal(editor.Name, await entry.Locator("[data-testid='history-author']").InnerTextAsync());
            Assert.Equal(correspondent.Name, await entry.Locator("[data-testid='history-approver']").InnerTextAsync());
            await ExpectAsync(page, await page.Locator("[data-testid='comparison'] ins").CountAsync() > 0, "the last save compared by default, its added words marked");
            await CheckAsync(page, "edition-historique", failures);
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_new_participant_and_volunteer_are_reviewed_by_name_and_role_and_a_partnerships_history_reads_as_its_form()
    {
        var editor = await served.CreateAuthorityEditorAsync("fr-commune-woippy", "Willa Woippy");
        var correspondent = await served.CreateCorrespondentAsync("ambassade-rabat", "Rita Rabat");
        var id = await ProjectIdAsync();
        var party = await NewPartyAsync(id);
        var failures = new List<string>();

        await using (var context = await BrowserSteps.ContextAsync(Browser, served))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, editor.Email, editor.Password);
            await GoAsync(page, $"/projets/{id}/modifier");
            var participant = page.Locator("[data-testid^='participant-row-']:has(input[name$='].Search'])").First;
            await participant.Locator("input[name$='].Search']").FillAsync(party);
            await participant.Locator("select[name$='].Role']").SelectOptionAsync("owner");
            var volunteer = page.Locator("[data-testid^='volunteer-row-']").Last;
            await volunteer.Locator("[name$='.Values.FirstName']").FillAsync("Yasmine");
            await volunteer.Locator("[name$='.Values.LastName']").FillAsync("Alaoui");
            await volunteer.Locator("[name$='.Values.Mission']").FillAsync("Accompagner la régie des déchets de la commune de Salé dans la formation de ses agents.");
            await SubmitForReviewAsync(page);
        }

        await using (var context = await BrowserSteps.ContextAsync(Browser, served))
        {
            var page = await context.NewPageAsync();
            var change = await PendingChangeAsync(page, correspondent, "Alaoui");
            await ExpectAsync(page, await change.Locator("[data-field^='project-participant/'] th").InnerTextAsync() == $"Participant : {party}",
                "the participant named as the history names it");
            await ExpectAsync(page, (await change.Locator("[data-field^='volunteer/'] [data-testid='diff-proposed']").InnerTextAsync()).StartsWith("Prénom : Yasmine · Nom : Alaoui", StringComparison.Ordinal),
                "the volunteer's fields as the form names them");
            await CheckAsync(page, "edition-relecture-participants", failures);

            var partnership = await PartnershipIdAsync();
            await GoAsync(page, $"/partenariats/{partnership}/modifier");
            var title = page.Locator("[name='Values.Title']");
            await title.FillAsync(await title.InputValueAsync() + " (révisé)");
            await page.Locator("[data-testid='edit-actions'] button[type='submit']").ClickAsync();
            await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/partenariats/{partnership}", "the partnership's page once saved");
            await page.Locator("[data-testid='history-link']").ClickAsync();
            await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/partenariats/{partnership}/historique", "the partnership's history");
            await ExpectAsync(page, await page.Locator("[data-testid='history-record-name']").First.InnerTextAsync() == "Le partenariat", "the partnership's own record first");
            await CheckAsync(page, "edition-historique-partenariat", failures);
        }
        Assert.Empty(failures);
    }

    /// <summary>Sends the edit form of an authority editor, which submits it for review.</summary>
    private static async Task SubmitForReviewAsync(IPage page)
    {
        await page.Locator("[data-testid='edit-actions'] button[type='submit']").ClickAsync();
        await ExpectAsync(page, await page.Locator("[data-testid='notice']").CountAsync() == 1, "the notice of a submitted change");
    }

    /// <summary>The review queue of <paramref name="reviewer"/>, signed in, and the one change proposed there that says <paramref name="text"/>.</summary>
    private static async Task<ILocator> PendingChangeAsync(IPage page, TestAccount reviewer, string text)
    {
        await SignInAsync(page, reviewer.Email, reviewer.Password);
        await GoAsync(page, "/relecture");
        var change = page.Locator("[data-testid='pending-change']").Filter(new() { HasText = text });
        await ExpectAsync(page, await change.CountAsync() == 1, $"the change proposing « {text} » in the review queue");
        return change;
    }

    /// <summary>A Moroccan authority that takes no part in the project and whose name no other record's contains (the form finds it by name).</summary>
    private async Task<string> NewPartyAsync(int projectId)
    {
        await using var db = served.CreateContext();
        var names = await db.LocalAuthorities.Select(a => a.Name).Concat(db.Organisations.Select(o => o.Name)).ToListAsync(TestContext.Current.CancellationToken);
        var candidates = await db.LocalAuthorities.Where(a => a.CountryCode == "MA" && !db.ProjectParticipants.Any(pp => pp.ProjectId == projectId && pp.LocalAuthorityId == a.Id))
            .OrderBy(a => a.Id).Select(a => a.Name).ToListAsync(TestContext.Current.CancellationToken);
        return candidates.First(c => names.Count(n => n.Contains(c, StringComparison.OrdinalIgnoreCase)) == 1);
    }

    private async Task<int> PartnershipIdAsync()
    {
        await using var db = served.CreateContext();
        return await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_form_sent_after_the_session_ended_comes_back_after_signing_in_with_what_was_typed()
    {
        var correspondent = await served.CreateCorrespondentAsync("ambassade-rabat", "Rosa Rabat");
        var id = await ProjectIdAsync();
        await using var context = await BrowserSteps.ContextAsync(Browser, served);
        var page = await context.NewPageAsync();
        await SignInAsync(page, correspondent.Email, correspondent.Password);
        await GoAsync(page, $"/projets/{id}/modifier");
        const string typed = "Texte tapé pendant une longue pause, à ne pas perdre.";
        await page.Locator("[name='Values.Beneficiaries']").FillAsync(typed);

        // The session ends (its cookie goes, as after hours without activity) while the form is open.
        await context.ClearCookiesAsync(new() { Name = "atlas.session" });
        await page.Locator("[data-testid='edit-actions'] button[type='submit']").ClickAsync();
        await ExpectAsync(page, await page.Locator("[data-testid='session-ended']").CountAsync() == 1, "the sign-in page saying the session ended");
        await Screenshots.TakeAsync(page, "edition-session-expiree");
        await page.FillAsync("[name='Email']", correspondent.Email);
        await page.FillAsync("[name='Password']", correspondent.Password);
        await page.ClickAsync("form.account-form button[type='submit']");

        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/projets/{id}/modifier", "the form again");
        await ExpectAsync(page, await page.Locator("[data-testid='draft-restored']").IsVisibleAsync(), "the notice that what was typed is back");
        Assert.Equal(typed, await page.Locator("[name='Values.Beneficiaries']").InputValueAsync());
        Assert.Equal("", new Uri(page.Url).Query);
        await Screenshots.TakeAsync(page, "edition-saisie-retablie", fullPage: false);

        await page.Locator("[data-testid='edit-actions'] button[type='submit']").ClickAsync();
        await ExpectAsync(page, new Uri(page.Url).AbsolutePath == $"/projets/{id}", "the project's page once saved");
        await using var db = served.CreateContext();
        Assert.Equal(typed, await db.Projects.Where(p => p.Id == id).Select(p => p.Beneficiaries).SingleAsync(TestContext.Current.CancellationToken));
    }

    private async Task<int> ProjectIdAsync()
    {
        await using var db = served.CreateContext();
        return await db.Projects.Where(p => p.Key == ProjectKey).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
