using System.Globalization;
using System.Text.RegularExpressions;
using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Reference;
using Atlas.Web.Pages.Projets;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// Histories and reviews read as the forms do (issue 14): a review names participants, volunteers and contacts and their
/// roles as the history does (never as JSON), themes and partnerships by their names; partnerships, authorities and posts
/// have the project's history page, reached from their public page by any signed-in editor.
/// </summary>
public sealed class ReadableHistoryTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_review_lists_the_participant_volunteer_contact_and_theme_proposed_by_name_and_role_and_a_volunteers_new_mission_word_by_word()
    {
        var id = await ProjectIdAsync("woippy--sale--developpement-social-quartiers");
        var (party, theme) = await NewPartyAndThemeAsync(id);
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var form = await editor.GetAsync($"/projets/{id}/modifier");
        const string mission = "Appuyer les services techniques de la commune de Salé dans la gestion des déchets ménagers et la formation des agents.";
        var submitted = await editor.SubmitAsync(form, new()
        {
            [BlankRow(form, "ParticipantRows[{0}].Search")] = party.Name,
            [BlankRow(form, "ParticipantRows[{0}].Search").Replace("Search", "Role", StringComparison.Ordinal)] = "owner",
            [BlankRow(form, "VolunteerRows[{0}].Values.FirstName")] = "Inès",
            [BlankRow(form, "VolunteerRows[{0}].Values.FirstName").Replace("FirstName", "LastName", StringComparison.Ordinal)] = "Benali",
            [BlankRow(form, "VolunteerRows[{0}].Values.FirstName").Replace("FirstName", "Mission", StringComparison.Ordinal)] = mission,
            [BlankRow(form, "Contacts[{0}].LastName")] = "Martin",
            [BlankRow(form, "Contacts[{0}].LastName").Replace("LastName", "FirstName", StringComparison.Ordinal)] = "Claire",
            [BlankRow(form, "Contacts[{0}].LastName").Replace("LastName", "Function", StringComparison.Ordinal)] = "Chargée de mission",
            [BlankRow(form, "Contacts[{0}].LastName").Replace("LastName", "Role", StringComparison.Ordinal)] = "correspondent",
            ["Values.MainThemeId"] = theme.Id.ToString(CultureInfo.InvariantCulture),
            ["Values.TotalCostAmount"] = "123 456,5", ["Values.TotalCostCurrency"] = "MAD",
        });
        Assert.Equal("Votre modification a été soumise à la relecture du correspondant.", submitted.Text("notice"));

        var (admin, _) = await fixture.SignedInAsync(EditorRole.Administrator);
        using (admin)
        {
            var queue = await admin.GetAsync("/relecture");
            var change = queue.Document.QuerySelectorAll("[data-testid='pending-change']").Single(c => c.TextContent.Contains("Benali", StringComparison.Ordinal));
            var rows = change.QuerySelectorAll("[data-testid='diff-row']").ToList();
            string Cell(string field, string cell) => rows.Single(r => r.GetAttribute("data-field")!.StartsWith(field, StringComparison.Ordinal))
                .QuerySelector($"[data-testid='{cell}']")!.TextContent;
            string Name(string field) => rows.Single(r => r.GetAttribute("data-field")!.StartsWith(field, StringComparison.Ordinal)).QuerySelector("th")!.TextContent;

            // Each record added is one row, named and read as the history names it; nothing published before it.
            Assert.Equal($"Participant : {party.Name}", Name("project-participant/new-"));
            Assert.Equal("—", Cell("project-participant/new-", "diff-current"));
            Assert.Equal($"Collectivité : {party.Name} · Rôle : Maître d'ouvrage", Cell("project-participant/new-", "diff-proposed"));
            Assert.Equal("Volontaire : Inès Benali", Name("volunteer/new-"));
            Assert.Equal($"Prénom : Inès · Nom : Benali · Mission : {mission}", Cell("volunteer/new-", "diff-proposed"));
            Assert.Equal("Contact : Claire Martin", Name("contact/new-"));
            Assert.Equal("Nom : Martin · Prénom : Claire · Fonction : Chargée de mission · Rôle : Correspondant coopération décentralisée",
                Cell("contact/new-", "diff-proposed"));
            // The main theme by its name, once, among the themes.
            Assert.StartsWith($"{theme.Name} (principale)", Cell("themes", "diff-proposed"), StringComparison.Ordinal);
            Assert.DoesNotContain(rows, r => r.GetAttribute("data-field") == "mainThemeId");
            // An amount in its currency the French way, the currency as the form's list shows it.
            var currencies = (await fixture.App.Services.GetRequiredService<ReferenceCatalog>().GetAsync(Ct)).Currencies;
            Assert.Equal(Atlas.Core.Editing.Review.ValuesDiff.Amount(123_456.5m, "MAD"), Cell("totalCostAmount", "diff-proposed"));
            Assert.Equal($"MAD — {currencies["MAD"]}", Cell("totalCostCurrency", "diff-proposed"));
            // No JSON, no database id anywhere in the table.
            var table = change.QuerySelector("[data-testid='pending-diff']")!.TextContent;
            Assert.DoesNotContain("{", table, StringComparison.Ordinal);
            Assert.DoesNotContain("Id", table, StringComparison.Ordinal);
            Assert.DoesNotContain($" {party.Id}", table, StringComparison.Ordinal);

            var approved = await admin.SubmitAsync(queue, form: $"[data-pending-id='{change.GetAttribute("data-pending-id")}'] [data-testid='approve-form']");
            Assert.Equal("La modification est approuvée et publiée.", approved.Text("notice"));
        }

        // A volunteer's mission changed: the row says the volunteer, and marks the words changed in its long text.
        form = await editor.GetAsync($"/projets/{id}/modifier");
        var row = Enumerable.Range(0, 50).First(i => form.Value($"VolunteerRows[{i}].Values.LastName") == "Benali");
        await editor.SubmitAsync(form, new() { [$"VolunteerRows[{row}].Values.Mission"] = mission.Replace("ménagers", "recyclables", StringComparison.Ordinal) });
        var (reviewer, _) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (reviewer)
        {
            var queue = await reviewer.GetAsync("/relecture");
            var change = queue.Document.QuerySelectorAll("[data-testid='pending-change']").Single(c => c.TextContent.Contains("recyclables", StringComparison.Ordinal));
            var diff = Assert.Single(change.QuerySelectorAll("[data-testid='diff-row']"));
            Assert.StartsWith("volunteer/", diff.GetAttribute("data-field"), StringComparison.Ordinal);
            Assert.Equal("Volontaire : Inès Benali", diff.QuerySelector("th")!.TextContent);
            Assert.Equal(["ménagers"], diff.QuerySelectorAll("[data-testid='diff-current'] del").Select(e => e.TextContent).ToArray());
            Assert.Equal(["recyclables"], diff.QuerySelectorAll("[data-testid='diff-proposed'] ins").Select(e => e.TextContent).ToArray());
            await reviewer.SubmitAsync(queue, new() { ["comment"] = "Gardez « ménagers »." },
                form: $"[data-pending-id='{change.GetAttribute("data-pending-id")}'] [data-testid='send-back-form']");
        }

        // The history of the approved change names them the same way.
        var history = await editor.GetAsync($"/projets/{id}/historique");
        var names = history.Document.QuerySelectorAll("[data-testid='history-record-name']").Select(e => e.TextContent).ToList();
        Assert.Contains($"Participant : {party.Name}", names);
        Assert.Contains("Volontaire : Inès Benali", names);
        Assert.Contains("Contact : Claire Martin", names);
    }

    [Fact]
    public async Task A_new_projects_history_shows_its_partnership_by_title()
    {
        var partnership = await PartnershipAsync("woippy--sale");
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/projets/nouveau?partenariat={partnership.Id}");
            var created = await browser.SubmitAsync(form, new() { ["Values.Title"] = "Jardins partagés de Salé" }, form: "[data-testid='project-edit-form']");
            Assert.StartsWith("/projets/", created.Path, StringComparison.Ordinal);

            var history = await browser.GetAsync(created.TestId("history-link").GetAttribute("href")!);
            Assert.Equal("Historique du projet", history.Document.QuerySelector("h1")!.TextContent);
            Assert.Equal("Le projet : ajout", history.TestId("history-record").QuerySelector(".history-record-name")!.TextContent);
            // The comparison of the creation with before it: the partnership by its title, not its id.
            var row = history.TestId("comparison").QuerySelector("[data-testid='comparison-row'][data-field='partnershipId']")!;
            Assert.Equal("Partenariat", row.QuerySelector("th")!.TextContent);
            Assert.Equal("(vide)", row.QuerySelector("[data-testid='comparison-before']")!.TextContent);
            Assert.Equal(partnership.Title, row.QuerySelector("[data-testid='comparison-after']")!.TextContent);
        }
    }

    [Fact]
    public async Task The_history_words_a_change_of_partnership_a_currency_a_country_a_kind_a_status_and_a_contact_role_by_their_names()
    {
        var partnership = await PartnershipAsync("woippy--sale");
        var reference = await fixture.App.Services.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var names = HistoryNames.Of(new Dictionary<int, string>(), new Dictionary<int, string>(),
            new Dictionary<int, string> { [partnership.Id] = partnership.Title });
        var wording = new HistoryWording(names, reference);
        var id = partnership.Id.ToString(CultureInfo.InvariantCulture);

        Assert.Equal(partnership.Title, wording.Value("project", "1", [], "partnershipId", id));
        Assert.Equal($"EUR — {reference.Currencies["EUR"]}", wording.Value("funding", "1", [], "currencyCode", "EUR"));
        Assert.Equal(reference.Countries["MA"], wording.Value("local-authority", "1", [], "countryCode", "MA"));
        Assert.Equal("Commune urbaine", wording.Value("local-authority", "1", [], "kind", "commune-urbaine"));
        Assert.Equal("Suspendu", wording.Value("partnership", id, [], "status", "suspended"));
        Assert.Equal("Conseiller de coopération et d'action culturelle", wording.Value("contact", "1", [], "role", "cocac"));
        Assert.Equal($"Pays couvert : {reference.Countries["SY"]}", wording.Record("diplomatic-post-country", "3/SY", []));
        // A contact's record is its page's: not shown as a field of it.
        Assert.False(HistoryWording.Shows("contact", "localAuthorityId"));
        Assert.True(HistoryWording.Shows("project-participant", "localAuthorityId"));
    }

    [Fact]
    public async Task A_partnership_authority_and_post_each_have_a_history_reached_from_their_page_by_any_editor_and_not_by_a_visitor()
    {
        var partnership = (await PartnershipAsync("woippy--sale")).Id;
        var authority = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var post = await fixture.PostIdAsync("ambassade-beyrouth");
        string[] pages = [$"/partenariats/{partnership}", $"/collectivites/{authority}", $"/postes/{post}"];

        using var visitor = fixture.Browser();
        foreach (var page in pages)
        {
            Assert.Null((await visitor.GetAsync(page)).TestIdOrNull("history-link"));
            var refused = await visitor.GetAsync(page + "/historique", followRedirects: false);
            Assert.Equal("/compte/connexion", refused.Location!.AbsolutePath);
        }

        // The Beirut correspondent edits neither the Moroccan partnership nor the authority, yet reads their history.
        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-beyrouth");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, beirut);
        string[] headings = ["Historique du partenariat", "Historique de la collectivité", "Historique du poste diplomatique"];
        foreach (var (page, heading) in pages.Zip(headings))
        {
            var detail = await browser.GetAsync(page);
            Assert.Equal(page + "/historique", detail.TestId("history-link").GetAttribute("href"));
            var history = await browser.GetAsync(page + "/historique");
            Assert.Equal(HttpStatusCode.OK, history.Status);
            Assert.Equal(heading, history.Document.QuerySelector("h1")!.TextContent);
            Assert.Equal(page, history.Document.QuerySelector(".breadcrumbs li:nth-child(2) a")!.GetAttribute("href"));
        }
        Assert.Null((await browser.GetAsync($"/partenariats/{partnership}")).TestIdOrNull("edit-link"));
        foreach (var missing in new[] { "/partenariats/999999/historique", "/collectivites/999999/historique", "/postes/999999/historique" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(missing)).Status);
    }

    [Fact]
    public async Task A_partnerships_history_shows_its_title_and_status_as_the_form_names_them()
    {
        var partnership = await PartnershipAsync("woippy--sale");
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/partenariats/{partnership.Id}/modifier");
            var oldTitle = form.Value("Values.Title")!;
            var options = form.Document.QuerySelectorAll("[name='Values.Status'] option").ToList();
            var oldStatus = options.Single(o => o.HasAttribute("selected")).TextContent;
            var newStatus = options.First(o => !o.HasAttribute("selected") && o.GetAttribute("value") is { Length: > 0 });
            var saved = await browser.SubmitAsync(form, new() { ["Values.Title"] = oldTitle + " (révisé)", ["Values.Status"] = newStatus.GetAttribute("value") },
                form: "[data-testid='partnership-edit-form']");
            Assert.Equal($"/partenariats/{partnership.Id}", saved.Path);

            var history = await browser.GetAsync(saved.TestId("history-link").GetAttribute("href")!);
            var entry = history.Document.QuerySelectorAll("[data-testid='history-entry']").First();
            Assert.Equal(account.Name, entry.QuerySelector("[data-testid='history-author']")!.TextContent);
            Assert.Equal("Le partenariat", entry.QuerySelector("[data-testid='history-record-name']")!.TextContent);
            var fields = entry.QuerySelectorAll("[data-testid='history-field']").ToDictionary(f => f.GetAttribute("data-field")!, f => Regex.Replace(f.TextContent, @"\s+", " ").Trim());
            Assert.Equal($"Titre : {oldTitle} → {oldTitle} (révisé)", fields["title"]);
            Assert.Equal($"Statut : {oldStatus} → {newStatus.TextContent}", fields["status"]);
            Assert.Contains(oldTitle + " (révisé)", history.Text("comparison"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_authority_added_to_a_partnership_is_named_in_its_history()
    {
        var id = (await PartnershipAsync("aix-en-provence--oujda")).Id;
        var meknes = await fixture.AuthorityIdAsync("ma-commune-meknes");
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = BrowserSession.FormValues((await browser.GetAsync($"/partenariats/{id}/modifier")).Form("[data-testid='partnership-edit-form']"));
            form.Add(new("Values.AuthorityIds", meknes.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal($"/partenariats/{id}", (await browser.PostAsync($"/partenariats/{id}/modifier", form)).Path);

            var history = await browser.GetAsync($"/partenariats/{id}/historique");
            var entry = history.Document.QuerySelectorAll("[data-testid='history-entry']").First();
            await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
            var name = await db.LocalAuthorities.Where(a => a.Id == meknes).Select(a => a.Name).SingleAsync(Ct);
            Assert.Contains($"Collectivité du partenariat : {name} : ajout",
                entry.QuerySelectorAll(".history-record-name").Select(r => r.TextContent));
        }
    }

    [Fact]
    public async Task An_authoritys_and_a_posts_history_show_a_kind_and_a_country_covered_by_their_names()
    {
        var authority = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/collectivites/{authority}/modifier");
            var kind = form.Document.QuerySelectorAll("[name='Values.Kind'] option").First(o => !o.HasAttribute("selected") && o.GetAttribute("value") is { Length: > 0 });
            await browser.SubmitAsync(form, new() { ["Values.Kind"] = kind.GetAttribute("value") }, form: "[data-testid='authority-edit-form']");
            var history = await browser.GetAsync($"/collectivites/{authority}/historique");
            var field = history.Document.QuerySelector("[data-testid='history-entry'] [data-testid='history-field'][data-field='kind']")!;
            Assert.EndsWith($"→ {kind.TextContent}", field.TextContent.Trim(), StringComparison.Ordinal);
        }

        var post = await fixture.PostIdAsync("ambassade-beyrouth");
        var (admin, _) = await fixture.SignedInAsync(EditorRole.Administrator);
        using (admin)
        {
            var form = await admin.GetAsync($"/postes/{post}/modifier");
            await admin.SubmitAsync(form, new() { ["Countries"] = form.Value("Countries") + ", SY" });
            var history = await admin.GetAsync($"/postes/{post}/historique");
            var syria = await CountryNameAsync("SY");
            var entry = history.Document.QuerySelectorAll("[data-testid='history-entry']").First();
            Assert.Contains($"Pays couvert : {syria} : ajout", entry.QuerySelectorAll("[data-testid='history-record']").Select(r => r.QuerySelector(".history-record-name")!.TextContent));
        }
    }

    /// <summary>The name of the first empty row's field of a form: <paramref name="pattern"/> with {0} for the row.</summary>
    private static string BlankRow(BrowserPage form, string pattern)
    {
        var name = Enumerable.Range(0, 50).Select(i => string.Format(CultureInfo.InvariantCulture, pattern, i))
            .First(n => form.Document.QuerySelector($"[name='{n}']") is { } input && string.IsNullOrEmpty(input.GetAttribute("value"))
                && form.Document.QuerySelector($"[name='{n[..n.IndexOf(']', StringComparison.Ordinal)]}].Id'], [name='{n[..n.IndexOf(']', StringComparison.Ordinal)]}].Values.Id']") is null);
        return name;
    }

    private async Task<int> ProjectIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<(int Id, string Title)> PartnershipAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == key).Select(p => new ValueTuple<int, string>(p.Id, p.Title)).SingleAsync(Ct);
    }

    private async Task<string> CountryNameAsync(string code)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Countries.Where(c => c.Code == code).Select(c => c.Name).SingleAsync(Ct);
    }

    /// <summary>
    /// A Moroccan authority that takes no part in the project, whose name no other authority or organisation contains (the form
    /// finds a participant by part of its name), and a theme that is not the project's main theme.
    /// </summary>
    private async Task<((int Id, string Name) Party, (int Id, string Name) Theme)> NewPartyAndThemeAsync(int projectId)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var names = await db.LocalAuthorities.Select(a => a.Name).Concat(db.Organisations.Select(o => o.Name)).ToListAsync(Ct);
        var candidates = await db.LocalAuthorities.Where(a => a.CountryCode == "MA" && !db.ProjectParticipants.Any(pp => pp.ProjectId == projectId && pp.LocalAuthorityId == a.Id))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(Ct);
        var party = candidates.First(c => names.Count(n => n.Contains(c.Name, StringComparison.OrdinalIgnoreCase)) == 1);
        var main = await db.ProjectThemes.Where(t => t.ProjectId == projectId && t.IsMain).Select(t => (int?)t.ThemeId).SingleOrDefaultAsync(Ct);
        var others = await db.ProjectThemes.Where(t => t.ProjectId == projectId).Select(t => t.ThemeId).ToListAsync(Ct);
        var theme = await db.Themes.Where(t => t.Id != main && !others.Contains(t.Id)).OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).FirstAsync(Ct);
        return ((party.Id, party.Name), (theme.Id, theme.Name));
    }
}
