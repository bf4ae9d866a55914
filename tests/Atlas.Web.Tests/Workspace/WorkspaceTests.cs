using System.Globalization;
using System.Net.Http.Headers;
using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Workspace;

/// <summary>
/// « Mon espace » (/espace): where sign-in lands; the records of the editor's scope with their freshness, checked against the
/// same conditions written in SQL over the base tables; « Toujours exact »; the reviews waiting, also in the account menu.
/// </summary>
public sealed class WorkspaceTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The scope of the Rabat correspondent as SQL over the base tables: projects by their countries, partnerships by their
    // authorities' countries; stale = never confirmed or confirmed more than 24 months ago (the default setting).
    private const string PostCountries = "SELECT country_code::text FROM diplomatic_post_countries WHERE diplomatic_post_id = {0}";
    private const string ProjectsInScope = "SELECT id FROM projects p WHERE p.deleted_at IS NULL AND p.country_codes && ARRAY(" + PostCountries + ")";
    private const string PartnershipsInScope = """
        SELECT p.id FROM partnerships p WHERE p.deleted_at IS NULL AND EXISTS (
            SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
            WHERE pa.partnership_id = p.id AND a.country_code::text IN (
        """ + PostCountries + "))";
    private const string Stale = " AND (confirmed_at IS NULL OR confirmed_at < now() - interval '24 months')";

    [Fact]
    public async Task Signing_in_lands_on_the_space_which_counts_the_records_of_the_scope_and_lists_the_stale_ones_first()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var browser = fixture.Browser();
        var page = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal("/espace", page.Path);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var post = await fixture.PostIdAsync("ambassade-rabat");
        var projects = await IdsAsync(string.Format(CultureInfo.InvariantCulture, ProjectsInScope, post));
        var partnerships = await IdsAsync(string.Format(CultureInfo.InvariantCulture, PartnershipsInScope, post));
        var staleProjects = await IdsAsync(string.Format(CultureInfo.InvariantCulture, ProjectsInScope, post) + Stale);
        var stalePartnerships = await IdsAsync(string.Format(CultureInfo.InvariantCulture, PartnershipsInScope, post) + Stale);
        Assert.NotEmpty(projects);
        Assert.NotEmpty(partnerships);

        Assert.Equal(Atlas.Web.Pages.Shared.Format.Number(staleProjects.Count + stalePartnerships.Count), page.Text("space-stale-count"));
        Assert.StartsWith(Atlas.Web.Pages.Shared.Format.Count(projects.Count + partnerships.Count, "fiche", "fiches"), page.Text("space-freshness"), StringComparison.Ordinal);

        var rows = Rows(page);
        Assert.Equal(Math.Min(50, projects.Count + partnerships.Count), rows.Count);
        foreach (var row in rows)
            Assert.Contains(row.Id, row.Kind == "projet" ? projects : partnerships);
        foreach (var row in rows)
            Assert.Equal(row.Kind == "projet" ? staleProjects.Contains(row.Id) : stalePartnerships.Contains(row.Id), row.Stale);
        // Stale first: no fresh row comes before a stale one.
        var firstFresh = rows.FindIndex(r => !r.Stale);
        Assert.True(firstFresh < 0 || rows.Skip(firstFresh).All(r => !r.Stale), "a stale record after a fresh one");
    }

    [Fact]
    public async Task The_records_filter_by_words_of_the_title_accents_ignored_by_type_and_by_freshness()
    {
        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var post = await fixture.PostIdAsync("ambassade-rabat");

        // A word with an accent from a title of the scope, searched without it and in capitals.
        string word;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var titles = await db.Projects.Where(p => p.CountryCodes.Contains("MA") && p.Title.Contains("é")).Select(p => p.Title).ToListAsync(Ct);
            word = titles.SelectMany(t => t.Split(' ', '\'', '’', ',', '(', ')')).First(w => w.Contains('é', StringComparison.Ordinal) && w.Length >= 5);
        }
        var typed = word.Replace('é', 'e').ToUpperInvariant();
        var page = await browser.GetAsync("/espace?type=projets&q=" + Uri.EscapeDataString(typed));
        var expected = await IdsAsync(string.Format(CultureInfo.InvariantCulture, ProjectsInScope, post)
            + " AND atlas_unaccent(title) ILIKE '%" + word.Replace('é', 'e') + "%'");
        Assert.NotEmpty(expected);
        var rows = Rows(page);
        Assert.All(rows, r => Assert.Equal("projet", r.Kind));
        // The page lists the first 50 and counts them all.
        Assert.Equal(Math.Min(50, expected.Count), rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Id, expected));
        Assert.Contains(Atlas.Web.Pages.Shared.Format.Number(expected.Count), page.Text("space-records-count"), StringComparison.Ordinal);

        // A partnership is confirmed now: the freshness filter leaves it out, and only stale records are listed.
        var partnership = (await IdsAsync(string.Format(CultureInfo.InvariantCulture, PartnershipsInScope, post))).Min();
        await ExecuteAsync($"UPDATE partnerships SET confirmed_at = now() WHERE id = {partnership}");
        var stale = Rows(await browser.GetAsync("/espace?type=partenariats&fraicheur=anciennes"));
        var expectedStale = await IdsAsync(string.Format(CultureInfo.InvariantCulture, PartnershipsInScope, post) + Stale);
        Assert.NotEmpty(expectedStale);
        Assert.DoesNotContain(partnership, stale.Select(r => r.Id));
        Assert.Equal(Math.Min(50, expectedStale.Count), stale.Count);
        Assert.All(stale, r => Assert.Contains(r.Id, expectedStale));
        Assert.All(stale, r => Assert.True(r.Stale));
    }

    [Theory]
    [InlineData("type=collectivites", "type", "Choisissez « Projets », « Partenariats » ou « Tous ».")]
    [InlineData("fraicheur=recentes", "fraicheur", "Choisissez « Toutes » ou « À confirmer ».")]
    public async Task A_filter_value_the_space_does_not_know_is_refused_beside_its_field(string query, string field, string message)
    {
        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var page = await browser.GetAsync("/espace?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(message, page.FieldError(field));
        Assert.NotEmpty(Rows(page));
    }

    [Fact]
    public async Task A_long_search_is_refused_with_a_French_message_and_no_error()
    {
        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var page = await browser.GetAsync("/espace?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("La recherche ne peut dépasser 200 caractères.", page.FieldError("q"));
    }

    [Fact]
    public async Task Toujours_exact_confirms_a_record_of_the_scope_and_its_public_page_no_longer_warns()
    {
        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA", skip: 7);
        await ExecuteAsync($"UPDATE projects SET confirmed_at = now() - interval '25 months' WHERE id = {id}");
        var before = await browser.GetAsync($"/projets/{id}");
        Assert.StartsWith("Cette fiche n’a pas été confirmée depuis plus de deux ans", before.Text("freshness-notice"), StringComparison.Ordinal);

        string title;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            title = await db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);
        var space = await browser.GetAsync("/espace?type=projets&fraicheur=anciennes&q=" + Uri.EscapeDataString(title));
        var form = space.Document.QuerySelectorAll("[data-testid='space-record']")
            .Single(r => r.GetAttribute("data-id") == id.ToString(CultureInfo.InvariantCulture))
            .QuerySelector("form")!;
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var after = await browser.PostAsync("/espace?handler=Confirm", BrowserSession.FormValues(form));

        Assert.Equal("/espace", after.Path);
        Assert.Equal("Le projet est confirmé comme toujours exact.", after.Text("notice"));
        Assert.DoesNotContain(id, Rows(after).Select(r => r.Id));
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            var confirmed = await db.Projects.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(Ct);
            Assert.True(confirmed >= started, $"confirmed at {confirmed}");
            // A confirmation is not a change: the history has nothing new.
            Assert.False(await db.ChangeRecords.AnyAsync(r => r.ProjectId == id, Ct));
        }
        Assert.Null((await browser.GetAsync($"/projets/{id}")).TestIdOrNull("freshness-notice"));
    }

    [Fact]
    public async Task A_record_outside_the_scope_is_not_confirmed()
    {
        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var post = await fixture.PostIdAsync("ambassade-rabat");
        var id = (await IdsAsync(string.Format(CultureInfo.InvariantCulture,
            "SELECT id FROM projects p WHERE p.deleted_at IS NULL AND NOT p.country_codes && ARRAY(" + PostCountries + ")", post))).Min();
        var space = await browser.GetAsync("/espace");
        var form = BrowserSession.FormValues(space.TestId("space-confirm-form"));
        form.RemoveAll(f => f.Key is "id" or "kind");
        form.Add(new("kind", "projet"));
        form.Add(new("id", id.ToString(CultureInfo.InvariantCulture)));

        var refused = await browser.PostAsync("/espace?handler=Confirm", form);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Null(await db.Projects.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(Ct));
    }

    [Fact]
    public async Task An_edit_confirms_the_record_and_shows_in_the_editors_last_changes()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA", skip: 3);
        using (var client = fixture.App.CreateApiClient())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));
            var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
            record["form"] = "Confirmé par une modification";
            using var response = await ProjectWriteApiTests.PutAsync(client, id, record, version);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
        {
            // The save sets both from the same clock, a few milliseconds apart.
            var edited = await db.ChangeRecords.Where(r => r.ProjectId == id).MaxAsync(r => r.At, Ct);
            var confirmed = await db.Projects.Where(p => p.Id == id).Select(p => p.ConfirmedAt).SingleAsync(Ct);
            Assert.NotNull(confirmed);
            Assert.True((edited - confirmed.Value).Duration() < TimeSpan.FromSeconds(5), $"edited at {edited}, confirmed at {confirmed}");
        }

        using var browser = fixture.Browser();
        var space = await AccountsAppFixture.SignInAsync(browser, account);
        var change = Assert.Single(space.Document.QuerySelectorAll("[data-testid='space-change']"));
        Assert.Equal($"/projets/{id}", change.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("Modification — projet", change.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reviews_waiting_are_counted_in_the_space_and_the_account_menu_and_an_authority_editor_sees_their_submissions()
    {
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        var pendingId = await SubmitAsync(woippy);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var post = await fixture.PostIdAsync("ambassade-rabat");
        var waiting = (await IdsAsync($"SELECT c.id::int FROM pending_changes c WHERE c.status = 'pending' AND c.project_id IN ({string.Format(CultureInfo.InvariantCulture, ProjectsInScope, post)})")).Count;
        Assert.True(waiting > 0);

        var (browser, _) = await SignedInAsync(EditorRole.Correspondent);
        using var _b = browser;
        var space = await browser.GetAsync("/espace");
        Assert.StartsWith(waiting == 1 ? "1 modification attend" : $"{waiting} modifications attendent", space.Text("space-reviews-link"), StringComparison.Ordinal);
        Assert.Equal(waiting.ToString(CultureInfo.InvariantCulture), space.TestId("review-count").QuerySelector("[aria-hidden]")!.TextContent);
        // The menu's button counts the account requests waiting too (none here unless the page lists some).
        var requests = space.TestIdOrNull("requests-count") is { } r ? int.Parse(r.QuerySelector("[aria-hidden]")!.TextContent, CultureInfo.InvariantCulture) : 0;
        Assert.Equal((waiting + requests).ToString(CultureInfo.InvariantCulture), space.TestId("account-menu-count").QuerySelector("[aria-hidden]")!.TextContent);

        using var editor = fixture.Browser();
        var mine = await AccountsAppFixture.SignInAsync(editor, woippy);
        Assert.Null(mine.TestIdOrNull("space-reviews"));
        var submission = Assert.Single(mine.Document.QuerySelectorAll("[data-testid='space-submission']"));
        Assert.Equal(pendingId.ToString(CultureInfo.InvariantCulture), submission.GetAttribute("data-pending-id"));
        Assert.Equal("En attente de relecture", submission.QuerySelector("[data-testid='space-submission-status']")!.TextContent);
    }

    [Fact]
    public async Task An_administrators_space_links_the_accounts_the_bin_and_the_records_to_confirm()
    {
        var (browser, _) = await SignedInAsync(EditorRole.Administrator);
        using var _b = browser;
        var space = await browser.GetAsync("/espace");
        Assert.Equal("/admin/comptes", space.TestId("space-admin-accounts").GetAttribute("href"));
        Assert.Equal("/admin/corbeille", space.TestId("space-admin-bin").GetAttribute("href"));
        var stale = await IdsAsync("SELECT id FROM projects WHERE deleted_at IS NULL" + Stale + " UNION ALL SELECT -id FROM partnerships WHERE deleted_at IS NULL" + Stale);
        Assert.NotEmpty(stale);
        Assert.Equal(Atlas.Web.Pages.Shared.Format.Number(stale.Count), space.Text("space-stale-count"));
    }

    [Fact]
    public async Task The_space_asks_anonymous_visitors_to_sign_in()
    {
        using var browser = fixture.Browser();
        var page = await browser.GetAsync("/espace", followRedirects: false);
        Assert.Equal("/compte/connexion", page.Location!.AbsolutePath);
    }

    private async Task<(BrowserSession Browser, TestAccount Account)> SignedInAsync(EditorRole role)
    {
        var account = role switch
        {
            EditorRole.AuthorityEditor => await fixture.CreateAccountAsync(role, postKey: null, authorityKey: "fr-commune-woippy"),
            EditorRole.Administrator => await fixture.CreateAccountAsync(role, postKey: null),
            _ => await fixture.CreateAccountAsync(role, "ambassade-rabat"),
        };
        var browser = fixture.Browser();
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account)).Path);
        return (browser, account);
    }

    private async Task<long> SubmitAsync(TestAccount woippy)
    {
        var editor = Editor.Of((await fixture.FindAsync(woippy.Email))!);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var authority = await fixture.AuthorityIdAsync("fr-commune-woippy");
        var projectId = await db.Projects.Where(p => p.AuthorityIds.Contains(authority) && p.CountryCodes.Contains("MA")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var project = await db.Projects.AsNoTracking().WithEditableLines().SingleAsync(p => p.Id == projectId, Ct);
        var values = ProjectValues.Of(project);
        values.Title = $"Proposé par Woippy {Guid.NewGuid():N}";
        var result = await scope.ServiceProvider.GetRequiredService<ProjectSubmission>().SaveAsync(editor, projectId, project.Version, values, Ct);
        return Assert.IsType<SubmissionResult.Submitted>(result).PendingChangeId;
    }

    private sealed record Row(string Kind, int Id, bool Stale);

    private static List<Row> Rows(BrowserPage page) => page.Document.QuerySelectorAll("[data-testid='space-record']")
        .Select(r => new Row(r.GetAttribute("data-kind")!, int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture), r.GetAttribute("data-stale") == "true"))
        .ToList();

    private async Task<List<int>> IdsAsync(string sql)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The tests' own SQL, with ids read from the database: nothing from outside goes into it.
        var query = "SELECT x.id AS \"Value\" FROM (" + sql + ") AS x(id)";
        return await db.Database.SqlQueryRaw<int>(query).ToListAsync(Ct);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}
