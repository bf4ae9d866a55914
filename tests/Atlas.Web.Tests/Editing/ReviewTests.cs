using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>An authority editor's change waits for the review of the country's correspondent (or an administrator) before it is published.</summary>
public sealed class ReviewTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string NewTitle = "Développement social des quartiers de Salé (révisé par Woippy)";

    [Fact]
    public async Task An_authority_editors_change_is_submitted_and_published_once_the_Rabat_correspondent_approves_it()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        var oldTitle = values.Title;
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject);

        values.Title = NewTitle;
        var submitted = Assert.IsType<SubmissionResult.Submitted>(await SubmitAsync(h, h.WoippyEditor, h.WoippySaleProject, version, values));
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject));

        var queue = await PendingAsync(h, h.RabatCorrespondent);
        var change = Assert.Single(queue);
        Assert.Equal((submitted.PendingChangeId, h.WoippySaleProject, "Wanda Woippy"), (change.Id, change.ProjectId, change.SubmittedByName));
        Assert.Equal([new FieldDiff("title", oldTitle, NewTitle)], change.Diff);

        var saved = Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, change.Id, Ct)));
        var (published, publishedVersion) = await h.LoadProjectAsync(h.WoippySaleProject);
        Assert.Equal(NewTitle, published.Title);
        Assert.Equal(saved.Version, publishedVersion);

        // The proposer stays the author; the correspondent who published it is its approver.
        var record = Assert.Single(await h.HistoryAsync(h.WoippySaleProject));
        Assert.Equal(("Wanda Woippy", h.WoippyEditor.UserId), (record.UserName, record.UserId!.Value));
        Assert.Equal(("Rachid Rabat", h.RabatCorrespondent.UserId), (record.ApprovedByName, record.ApprovedById!.Value));
        Assert.Equal([new FieldChange("title", oldTitle, NewTitle)], record.Changes);

        var mine = Assert.Single(await MineAsync(h, h.WoippyEditor));
        Assert.Equal((PendingChangeStatus.Approved, "Rachid Rabat"), (mine.Status, mine.ReviewerName));
        Assert.Empty(await PendingAsync(h, h.RabatCorrespondent));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, change.Id, Ct)));
    }

    [Fact]
    public async Task A_change_sent_back_stays_unpublished_with_its_comment_shown_to_its_author()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (id, _) = await SubmitNewTitleAsync(h);
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject);

        var blank = Assert.IsType<EditResult.Invalid>(await ReviewAsync(h, q => q.SendBackAsync(h.RabatCorrespondent, id, "  ", Ct)));
        Assert.True(blank.Errors.ContainsKey("Comment"));
        Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.SendBackAsync(h.RabatCorrespondent, id, "Le titre doit rester en français courant.", Ct)));

        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject));
        Assert.Empty(await PendingAsync(h, h.RabatCorrespondent));
        var mine = Assert.Single(await MineAsync(h, h.WoippyEditor));
        Assert.Equal((PendingChangeStatus.SentBack, "Le titre doit rester en français courant.", "Rachid Rabat"), (mine.Status, mine.Comment, mine.ReviewerName));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, id, Ct)));
    }

    [Fact]
    public async Task The_Beirut_correspondent_neither_sees_nor_decides_a_change_to_a_Moroccan_project_and_an_administrator_approves_it()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (id, _) = await SubmitNewTitleAsync(h);
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject);

        Assert.Empty(await PendingAsync(h, h.BeirutCorrespondent));
        Assert.Empty(await PendingAsync(h, h.WoippyEditor));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.BeirutCorrespondent, id, Ct)));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.SendBackAsync(h.BeirutCorrespondent, id, "Non.", Ct)));
        // Its author cannot approve it either.
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.WoippyEditor, id, Ct)));
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject));
        Assert.Equal(PendingChangeStatus.Pending, Assert.Single(await MineAsync(h, h.WoippyEditor)).Status);

        Assert.Contains(await PendingAsync(h, h.Administrator), c => c.Id == id);
        Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.ApproveAsync(h.Administrator, id, Ct)));
        Assert.Equal(NewTitle, (await h.LoadProjectAsync(h.WoippySaleProject)).Values.Title);
        var record = Assert.Single(await h.HistoryAsync(h.WoippySaleProject));
        Assert.Equal(("Wanda Woippy", "Ada Admin"), (record.UserName, record.ApprovedByName));
    }

    [Fact]
    public async Task Approving_a_change_made_before_a_later_edit_is_a_conflict_and_publishes_nothing()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (id, version) = await SubmitNewTitleAsync(h);

        var (direct, _) = await h.LoadProjectAsync(h.WoippySaleProject);
        direct.Beneficiaries = "Les habitants des quartiers de Salé";
        Assert.IsType<SubmissionResult.Applied>(await SubmitAsync(h, h.RabatCorrespondent, h.WoippySaleProject, version, direct));
        // A correspondent's own change is theirs alone: no approver.
        var directRecord = Assert.Single(await h.HistoryAsync(h.WoippySaleProject));
        Assert.Equal(("Rachid Rabat", null), (directRecord.UserName, directRecord.ApprovedByName));
        var before = await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject);

        var conflict = Assert.IsType<EditResult.Conflict>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, id, Ct)));
        Assert.Contains("beneficiaries", conflict.Fields);
        Assert.Equal(before, await Rows.SnapshotAsync(h.ConnectionString, h.WoippySaleProject));
        Assert.Single(await PendingAsync(h, h.RabatCorrespondent));
    }

    [Fact]
    public async Task An_authority_editors_invalid_or_unchanged_edit_is_not_submitted()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        var unchanged = Assert.IsType<SubmissionResult.Applied>(await SubmitAsync(h, h.WoippyEditor, h.WoippySaleProject, version, values));
        Assert.IsType<EditResult.Saved>(unchanged.Result);
        values.Title = "";
        var invalid = Assert.IsType<SubmissionResult.Applied>(await SubmitAsync(h, h.WoippyEditor, h.WoippySaleProject, version, values));
        Assert.IsType<EditResult.Invalid>(invalid.Result);
        values.Title = NewTitle;
        var outside = Assert.IsType<SubmissionResult.Applied>(await SubmitAsync(h, h.WoippyEditor, h.TyrProject, (await h.LoadProjectAsync(h.TyrProject)).Version, values));
        Assert.IsType<EditResult.Forbidden>(outside.Result);

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.False(await db.PendingChanges.AnyAsync(Ct));
    }

    /// <summary>The Woippy editor submits <see cref="NewTitle"/> for the Woippy–Salé project: the pending change and the version it was made from.</summary>
    private static async Task<(long Id, uint Version)> SubmitNewTitleAsync(EditingHarness h)
    {
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        values.Title = NewTitle;
        var submitted = Assert.IsType<SubmissionResult.Submitted>(await SubmitAsync(h, h.WoippyEditor, h.WoippySaleProject, version, values));
        return (submitted.PendingChangeId, version);
    }

    private static Task<SubmissionResult> SubmitAsync(EditingHarness h, Editor editor, int projectId, uint version, ProjectValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<ProjectSubmission>().SaveAsync(editor, projectId, version, values, Ct));

    internal static Task<EditResult> ReviewAsync(EditingHarness h, Func<ReviewQueue, Task<EditResult>> action) =>
        h.WithAsync(sp => action(sp.GetRequiredService<ReviewQueue>()));

    internal static Task<IReadOnlyList<PendingChangeView>> PendingAsync(EditingHarness h, Editor reviewer) =>
        h.WithAsync(sp => sp.GetRequiredService<ReviewQueue>().PendingAsync(reviewer, Ct));

    private static Task<IReadOnlyList<PendingChangeView>> MineAsync(EditingHarness h, Editor submitter) =>
        h.WithAsync(sp => sp.GetRequiredService<ReviewQueue>().SubmittedByAsync(submitter, Ct));
}

/// <summary>The review through the pages: submit as the Woippy editor, approve as a Rabat correspondent, see it published.</summary>
public sealed class ReviewPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_title_stays_unpublished_until_a_correspondent_approves_it_on_the_review_page()
    {
        var id = await WoippySaleAsync();
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var form = await editor.GetAsync($"/projets/{id}/modifier");
        var oldTitle = form.Value("Values.Title")!;
        var newTitle = oldTitle + " (proposé)";

        var submitted = await editor.SubmitAsync(form, new() { ["Values.Title"] = newTitle });
        Assert.Equal($"/projets/{id}", submitted.Path);
        Assert.Equal("Votre modification a été soumise à la relecture du correspondant.", submitted.Text("notice"));
        Assert.Equal(oldTitle, submitted.Text("project-title"));
        using var api = fixture.App.CreateApiClient();
        Assert.Equal(oldTitle, (string?)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct))!["title"]);
        var mine = await editor.GetAsync("/relecture/mes-soumissions");
        Assert.Equal("En attente de relecture", mine.Text("submission-status"));

        var (reviewer, reviewerAccount) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (reviewer)
        {
            var queue = await reviewer.GetAsync("/relecture");
            var change = queue.TestId("pending-change");
            Assert.Equal(woippy.Name, change.QuerySelector("[data-testid='pending-author']")!.TextContent);
            var row = change.QuerySelector("[data-testid='diff-row']")!;
            Assert.Contains("Titre", row.TextContent, StringComparison.Ordinal);
            Assert.Equal((oldTitle, newTitle), (row.QuerySelector("[data-testid='diff-current']")!.TextContent, row.QuerySelector("[data-testid='diff-proposed']")!.TextContent));

            var approved = await reviewer.SubmitAsync(queue, form: "[data-testid='approve-form']");
            Assert.Equal("/relecture", approved.Path);
            Assert.Equal("La modification est approuvée et publiée.", approved.Text("notice"));
            Assert.NotNull(approved.TestIdOrNull("no-pending-changes"));
        }

        Assert.Equal(newTitle, (await editor.GetAsync($"/projets/{id}")).Text("project-title"));
        Assert.Equal(newTitle, (string?)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct))!["title"]);
        Assert.Equal("Approuvée et publiée", (await editor.GetAsync("/relecture/mes-soumissions")).Text("submission-status"));

        // The history names the proposer as author and the correspondent as approver, in one entry.
        var history = await editor.GetAsync($"/projets/{id}/historique");
        var entry = history.Document.QuerySelectorAll("[data-testid='history-entry']").First();
        Assert.Equal(woippy.Name, entry.QuerySelector("[data-testid='history-author']")!.TextContent);
        Assert.Equal(reviewerAccount.Name, entry.QuerySelector("[data-testid='history-approver']")!.TextContent);
        Assert.Contains(newTitle, entry.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_text_proposed_shows_its_changed_words_marked_with_its_paragraphs_and_a_send_back_box_of_useful_size()
    {
        var id = await WoippySaleAsync();
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var form = await editor.GetAsync($"/projets/{id}/modifier");
        const string before = "Renforcer les services techniques de la commune de Salé.\n\nFormer les agents municipaux à la gestion des déchets.";
        const string after = "Renforcer les services techniques de la commune de Salé.\n\nFormer les techniciens communaux à la gestion des déchets.";
        await editor.SubmitAsync(form, new() { ["Values.Context"] = before });
        var (admin, _) = await fixture.SignedInAsync(EditorRole.Administrator);
        using (admin)
        {
            // The first proposal, approved, makes "before" the published text.
            var queue = await admin.GetAsync("/relecture");
            var first = queue.Document.QuerySelectorAll("[data-testid='pending-change']").Single(c => c.TextContent.Contains("agents municipaux", StringComparison.Ordinal));
            await admin.SubmitAsync(queue, form: $"[data-pending-id='{first.GetAttribute("data-pending-id")}'] [data-testid='approve-form']");
        }
        form = await editor.GetAsync($"/projets/{id}/modifier");
        await editor.SubmitAsync(form, new() { ["Values.Context"] = after });

        var (reviewer, _) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (reviewer)
        {
            var queue = await reviewer.GetAsync("/relecture");
            var change = queue.Document.QuerySelectorAll("[data-testid='pending-change']").Single(c => c.TextContent.Contains("techniciens communaux", StringComparison.Ordinal));
            var row = change.QuerySelector("[data-testid='diff-row'][data-field='context']")!;
            Assert.Equal(["agents municipaux"], row.QuerySelectorAll("[data-testid='diff-current'] del").Select(e => e.TextContent).ToArray());
            Assert.Equal(["techniciens communaux"], row.QuerySelectorAll("[data-testid='diff-proposed'] ins").Select(e => e.TextContent).ToArray());
            // The texts themselves, paragraphs included, are whole on each side.
            Assert.Equal(before, row.QuerySelector("[data-testid='diff-current']")!.TextContent);
            Assert.Equal(after, row.QuerySelector("[data-testid='diff-proposed']")!.TextContent);

            var sendBack = change.QuerySelector("[data-testid='send-back-form']")!;
            Assert.Equal("Renvoyer pour correction", sendBack.QuerySelector("button")!.TextContent.Trim());
            Assert.Contains("button--secondary", sendBack.QuerySelector("button")!.ClassName, StringComparison.Ordinal);
            Assert.Equal("6", sendBack.QuerySelector("textarea")!.GetAttribute("rows"));
            Assert.Matches(@"\d{1,2} h \d{2} \(heure de Paris\)", change.TextContent);

            // Sent back, it leaves the queue the other tests of this class read.
            var sent = await reviewer.SubmitAsync(queue, new() { ["comment"] = "Gardez « agents municipaux », le terme de la convention." },
                form: $"[data-pending-id='{change.GetAttribute("data-pending-id")}'] [data-testid='send-back-form']");
            Assert.Equal("La modification est renvoyée à son auteur avec votre commentaire.", sent.Text("notice"));
        }
    }

    [Fact]
    public async Task Sending_back_without_a_comment_is_refused_and_a_forged_approval_without_antiforgery_changes_nothing()
    {
        var id = await WoippySaleAsync();
        var woippy = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var editor = fixture.Browser();
        await AccountsAppFixture.SignInAsync(editor, woippy);
        var form = await editor.GetAsync($"/projets/{id}/modifier");
        await editor.SubmitAsync(form, new() { ["Values.Objectives"] = "Objectifs proposés par Woippy" });

        var (reviewer, _) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (reviewer)
        {
            var queue = await reviewer.GetAsync("/relecture");
            var pending = queue.TestId("pending-change").GetAttribute("data-pending-id")!;
            var forged = await reviewer.SubmitAsync(queue, form: $"[data-pending-id='{pending}'] [data-testid='approve-form']", withAntiforgery: false, followRedirects: false);
            Assert.Equal(HttpStatusCode.BadRequest, forged.Status);

            var refused = await reviewer.SubmitAsync(queue, new() { ["comment"] = "" }, form: $"[data-pending-id='{pending}'] [data-testid='send-back-form']");
            Assert.NotNull(refused.TestIdOrNull("field-error-comment"));
            var sent = await reviewer.SubmitAsync(refused, new() { ["comment"] = "Précisez les objectifs chiffrés." },
                form: $"[data-pending-id='{pending}'] [data-testid='send-back-form']");
            Assert.Equal("La modification est renvoyée à son auteur avec votre commentaire.", sent.Text("notice"));
        }

        var mine = await editor.GetAsync("/relecture/mes-soumissions");
        var row = mine.Document.QuerySelectorAll("[data-testid='submission']").Single(r => r.GetAttribute("data-pending-id") != null
            && r.TextContent.Contains("Précisez les objectifs chiffrés.", StringComparison.Ordinal));
        Assert.Contains("Renvoyée", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Objectifs proposés par Woippy", (await editor.GetAsync($"/projets/{id}")).Html, StringComparison.Ordinal);
    }

    private async Task<int> WoippySaleAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == "woippy--sale--developpement-social-quartiers").Select(p => p.Id).SingleAsync(Ct);
    }
}
