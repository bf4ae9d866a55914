using System.Globalization;
using System.Text.RegularExpressions;
using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Web.Pages.Shared;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>The project edit and history pages: who may open them, what a save shows, rejected input, two people saving one version.</summary>
public sealed class ProjectEditPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var id = await MoroccanProjectAsync(0);
        using var browser = fixture.Browser();
        var page = await browser.GetAsync($"/projets/{id}/modifier", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/compte/connexion", page.Location!.AbsolutePath);
        Assert.Null((await browser.GetAsync($"/projets/{id}")).TestIdOrNull("edit-links"));
        var history = await browser.GetAsync($"/projets/{id}/historique", followRedirects: false);
        Assert.Equal("/compte/connexion", history.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_editor_out_of_scope_is_refused_and_changes_nothing()
    {
        var id = await MoroccanProjectAsync(0);
        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-beyrouth");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, beirut);
        var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);

        var page = await browser.GetAsync($"/projets/{id}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.NotNull(page.TestIdOrNull("access-denied"));
        Assert.Null(page.TestIdOrNull("project-edit-form"));

        // A forged post, with a valid token of this session taken from another form.
        var token = (await browser.GetAsync("/compte/mot-de-passe")).Form().QuerySelector($"[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!;
        var version = await VersionAsync(id);
        var posted = await browser.PostAsync($"/projets/{id}/modifier", new Dictionary<string, string>
        {
            [BrowserSession.AntiforgeryField] = token, ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Values.Title"] = "Titre détourné", ["Values.Status"] = "ongoing",
        }, followRedirects: false);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));

        var detail = await browser.GetAsync($"/projets/{id}");
        Assert.Null(detail.TestIdOrNull("edit-link"));
        Assert.NotNull(detail.TestIdOrNull("history-link"));
    }

    [Fact]
    public async Task A_Rabat_correspondent_edits_a_title_and_an_amount_seen_on_the_public_page_and_in_the_history()
    {
        var id = await MoroccanProjectAsync(1);
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var detail = await browser.GetAsync($"/projets/{id}");
            Assert.Equal("Modifier", detail.Text("edit-link"));
            var form = await browser.GetAsync(detail.TestId("edit-link").GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, form.Status);
            var oldTitle = form.Value("Values.Title")!;
            // The amount is shown the French way it is typed (« 81 270 »), and read back so.
            Assert.True(FrenchDecimalBinder.TryParse(form.Value("Rows[0].Amount")!, out var oldAmount));
            Assert.Equal(Format.Number(oldAmount), form.Value("Rows[0].Amount"));
            var newTitle = oldTitle + " (révisé)";
            var newAmount = oldAmount + 987_654m;

            var saved = await browser.SubmitAsync(form, new()
            {
                ["Values.Title"] = newTitle, ["Rows[0].Amount"] = Format.Number(newAmount),
            });
            Assert.Equal($"/projets/{id}", saved.Path);
            Assert.Equal("Vos modifications ont été enregistrées.", saved.Text("notice"));
            Assert.Equal(newTitle, saved.Text("project-title"));
            Assert.Contains(Digits(newAmount), Regex.Replace(saved.Text("field-fundings"), @"\s", ""), StringComparison.Ordinal);

            var history = await browser.GetAsync(saved.TestId("history-link").GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, history.Status);
            // One save, one entry: the title and the first funding line, named as the form names it, the amount in euros the French way.
            var entry = Assert.Single(history.Document.QuerySelectorAll("[data-testid='history-entry']"));
            Assert.Equal(["Le projet", "Lignes de financement — Ligne n° 1"],
                entry.QuerySelectorAll("[data-testid='history-record-name']").Select(r => r.TextContent).ToArray());
            var fields = entry.QuerySelectorAll("[data-testid='history-field']").Select(f => f.TextContent).ToList();
            Assert.Contains(fields, f => f.Contains("Titre", StringComparison.Ordinal) && f.Contains(oldTitle, StringComparison.Ordinal) && f.Contains(newTitle, StringComparison.Ordinal));
            var currency = await FirstLineCurrencyAsync(id);
            Assert.Contains(fields, f => f.Contains("Montant", StringComparison.Ordinal)
                && f.Contains(ValuesDiff.Amount(oldAmount, currency), StringComparison.Ordinal) && f.Contains(ValuesDiff.Amount(newAmount, currency), StringComparison.Ordinal));
            Assert.Equal(account.Name, entry.QuerySelector("[data-testid='history-author']")!.TextContent);
            Assert.Null(entry.QuerySelector("[data-testid='history-approver']"));
            Assert.Matches(@"^Le \d{1,2}(er)? \p{L}+ \d{4} à \d{1,2} h \d{2} \(heure de Paris\)$", entry.QuerySelector(".history-head strong")!.TextContent);

            // Without a choice, the comparison shows what the last save changed (the version before it against now).
            var byDefault = history.TestId("comparison");
            Assert.Contains(oldTitle, byDefault.TextContent, StringComparison.Ordinal);
            Assert.Contains(newTitle, byDefault.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Les deux versions sont identiques.", byDefault.TextContent, StringComparison.Ordinal);

            var compared = await browser.SubmitAsync(history, new() { ["de"] = "0", ["a"] = "" }, form: "[data-testid='compare-form']");
            Assert.Contains(newTitle, compared.Text("comparison"), StringComparison.Ordinal);
            Assert.Contains(oldTitle, compared.Text("comparison"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_input_is_shown_beside_each_field_kept_as_typed_and_nothing_is_saved()
    {
        var id = await MoroccanProjectAsync(2);
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);
            var form = await browser.GetAsync($"/projets/{id}/modifier");
            var page = await browser.SubmitAsync(form, new()
            {
                ["Values.Title"] = "", ["Values.StartYear"] = "2020", ["Values.EndYear"] = "2015", ["Values.StartDate"] = "", ["Values.EndDate"] = "",
                ["Rows[0].Amount"] = "-5", ["Rows[0].CurrencyCode"] = "XYZ", ["Rows[0].Note"] = "note gardée",
                ["Values.Objectives"] = "Objectifs retapés",
            });
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal($"/projets/{id}/modifier", page.Path);
            Assert.Equal("Indiquez le titre du projet.", page.FieldError("Values.Title"));
            Assert.Equal("Un montant ne peut être négatif.", page.FieldError("Rows[0].Amount"));
            Assert.Contains("monnaie", page.FieldError("Rows[0].CurrencyCode"), StringComparison.OrdinalIgnoreCase);
            Assert.NotNull(page.FieldError("Values.EndYear"));
            Assert.NotNull(page.TestIdOrNull("form-error"));

            Assert.Equal("-5", page.Value("Rows[0].Amount"));
            Assert.Equal("2015", page.Value("Values.EndYear"));
            Assert.Equal("2020", page.Value("Values.StartYear"));
            Assert.Equal("note gardée", page.Value("Rows[0].Note"));
            Assert.Equal("", page.Value("Values.Title"));
            Assert.Equal("Objectifs retapés", page.Document.QuerySelector("[name='Values.Objectives']")!.TextContent);
            Assert.NotNull(page.Document.QuerySelector("[name='Rows[0].CurrencyCode'] option[value='XYZ'][selected]"));
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
        }
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused()
    {
        var id = await MoroccanProjectAsync(4);
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var before = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);
            var form = await browser.GetAsync($"/projets/{id}/modifier");
            var refused = await browser.SubmitAsync(form, new() { ["Values.Title"] = "Sans jeton" }, withAntiforgery: false, followRedirects: false);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal(before, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
        }
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/projets/999999/modifier")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/projets/999999/historique")).Status);
        }
    }

    /// <summary>A Moroccan project with funding lines, a different one per test so that their edits do not meet.</summary>
    private async Task<int> MoroccanProjectAsync(int index)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.Fundings.Any())
            .OrderBy(p => p.Id).Select(p => p.Id).Skip(index).FirstAsync(Ct);
    }

    private async Task<uint> VersionAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(Ct);
    }

    private static string Digits(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The currency of the project's first funding line, as the form orders them.</summary>
    private async Task<string> FirstLineCurrencyAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Fundings.Where(f => f.ProjectId == id).OrderBy(f => f.SortOrder).Select(f => f.CurrencyCode).FirstAsync(Ct);
    }
}

/// <summary>
/// Two people saving one version. On an app of its own: a refused save leaves the history interceptor's pending state on
/// its pooled context, which a later save without an editor (an account's creation) trips over — see the report.
/// </summary>
public sealed class ProjectEditConflictPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task The_second_of_two_saves_of_one_version_is_shown_the_conflict_and_overwrites_nothing()
    {
        var id = await MoroccanProjectAsync(3);
        var (first, firstForm, second, secondForm) = await TwoFormsAsync(id);
        using (first)
        using (second)
        {
            var title = firstForm.Value("Values.Title") + " — première session";
            Assert.Equal($"/projets/{id}", (await first.SubmitAsync(firstForm, new() { ["Values.Title"] = title })).Path);
            var afterFirst = await Rows.SnapshotAsync(fixture.App.ConnectionString, id);

            var refused = await second.SubmitAsync(secondForm, new() { ["Values.Form"] = "Forme de la seconde session" });
            Assert.Equal($"/projets/{id}/modifier", refused.Path);
            var conflict = refused.Text("edit-conflict");
            Assert.Contains("Titre", conflict, StringComparison.Ordinal);
            Assert.Contains(title, conflict, StringComparison.Ordinal);
            Assert.Equal(afterFirst, await Rows.SnapshotAsync(fixture.App.ConnectionString, id));
            Assert.Equal("Forme de la seconde session", refused.Value("Values.Form"));
            Assert.Equal((await VersionAsync(id)).ToString(CultureInfo.InvariantCulture), refused.Value("Version"));

            // Submitted again, knowingly: it applies.
            var applied = await second.SubmitAsync(refused);
            Assert.Equal($"/projets/{id}", applied.Path);
            Assert.Contains("Forme de la seconde session", applied.Text("field-form"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_conflict_names_the_participant_changed_meanwhile_and_its_role_by_their_labels()
    {
        int id;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            id = await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.Participants.Any(pp => pp.LocalAuthorityId != null))
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        }
        var (first, firstForm, second, secondForm) = await TwoFormsAsync(id);
        using (first)
        using (second)
        {
            var role = firstForm.Document.QuerySelector("[name='ParticipantRows[0].Role']")!;
            var other = role.QuerySelectorAll("option").First(o => !o.HasAttribute("selected") && o.GetAttribute("value") is { Length: > 0 });
            var name = firstForm.Value("ParticipantRows[0].Name")!;
            Assert.Equal($"/projets/{id}", (await first.SubmitAsync(firstForm, new() { ["ParticipantRows[0].Role"] = other.GetAttribute("value") })).Path);

            // Named as the history names it (issue 14), not « Participant n° 12 » with a role's code.
            var conflict = (await second.SubmitAsync(secondForm, new() { ["Values.Form"] = "Forme de la seconde session" })).Text("edit-conflict");
            Assert.Contains($"Participant : {name} — Rôle : maintenant « {other.TextContent} »", conflict, StringComparison.Ordinal);
            Assert.DoesNotContain("Participant n°", conflict, StringComparison.Ordinal);
        }
    }

    /// <summary>Two editors signed in, each with the project's form open at the same version.</summary>
    private async Task<(BrowserSession First, BrowserPage FirstForm, BrowserSession Second, BrowserPage SecondForm)> TwoFormsAsync(int id)
    {
        var (first, _) = await fixture.SignedInAsync();
        var (second, _) = await fixture.SignedInAsync();
        return (first, await first.GetAsync($"/projets/{id}/modifier"), second, await second.GetAsync($"/projets/{id}/modifier"));
    }

    private async Task<int> MoroccanProjectAsync(int index)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.Fundings.Any())
            .OrderBy(p => p.Id).Select(p => p.Id).Skip(index).FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task<uint> VersionAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(TestContext.Current.CancellationToken);
    }
}
