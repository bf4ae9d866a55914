using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Fundings;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Atlas.Web.Tests.Editing.ReviewTests;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// A new project an authority editor declares (issue 14): a draft, saved incomplete and completed later, invisible to the public
/// search until approved; submitted, sent back with a comment, corrected, submitted again and approved by the Rabat
/// correspondent, it is created with its values and credited to its author and approver.
/// </summary>
public sealed class ProjectDraftTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Title = "Jardins partagés de Salé, déclarés par Woippy";

    [Fact]
    public async Task A_declared_project_is_a_private_draft_until_the_Rabat_correspondent_approves_it_then_it_is_created_and_credited_to_both()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var projectsBefore = await ProjectCountAsync(h);

        // Saved incomplete (no status), completed in a second session.
        var first = await SaveAsync(h, h.WoippyEditor, null, h.WoippySalePartnership, new ProjectValues { Title = Title });
        var draftId = Assert.IsType<long>(first.DraftId);
        Assert.IsType<EditResult.Saved>(first.Result);
        var draft = Assert.Single(await DraftsAsync(h, h.WoippyEditor));
        Assert.Equal((draftId, PendingChangeStatus.Draft, Title), (draft.Id, draft.Status, draft.Title));
        Assert.IsType<EditResult.Invalid>(await SubmitAsync(h, h.WoippyEditor, draftId));

        var complete = new ProjectValues
        {
            Title = Title, Status = "planned", StartYear = 2027, Objectives = "Créer trois jardins partagés dans les quartiers de Salé.",
            Fundings = [new FundingValues { FunderAuthorityId = h.Woippy, Amount = 12000m, CurrencyCode = "EUR", Year = 2027 }],
        };
        Assert.IsType<EditResult.Saved>((await SaveAsync(h, h.WoippyEditor, draftId, h.WoippySalePartnership, complete)).Result);

        // Nothing of it is public, nor in the reviewers' queue while it is a draft.
        Assert.Equal(projectsBefore, await ProjectCountAsync(h));
        Assert.Empty(await SearchAsync(h, "jardins partagés"));
        Assert.Empty(await PendingAsync(h, h.RabatCorrespondent));

        Assert.IsType<EditResult.Saved>(await SubmitAsync(h, h.WoippyEditor, draftId));
        var waiting = Assert.Single(await PendingAsync(h, h.RabatCorrespondent));
        Assert.True(waiting.IsNewProject);
        Assert.Null(waiting.ProjectId);
        Assert.Contains(waiting.Diff, d => d.Field == "title" && d.Current is null && d.Proposed == Title);
        Assert.Empty(await PendingAsync(h, h.BeirutCorrespondent));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Un nouveau projet attend votre relecture" && m.Text.Contains(Title, StringComparison.Ordinal));
        // Submitted, it is no longer its author's to change.
        Assert.IsType<EditResult.Conflict>((await SaveAsync(h, h.WoippyEditor, draftId, h.WoippySalePartnership, complete)).Result);

        Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.SendBackAsync(h.RabatCorrespondent, draftId, "Précisez le coût total.", Ct)));
        draft = Assert.Single(await DraftsAsync(h, h.WoippyEditor));
        Assert.Equal((PendingChangeStatus.SentBack, "Précisez le coût total.", "Rachid Rabat"), (draft.Status, draft.Comment, draft.ReviewerName));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Votre projet vous est renvoyé" && m.Link!.EndsWith($"/projets/brouillons/{draftId}", StringComparison.Ordinal));
        Assert.Equal(projectsBefore, await ProjectCountAsync(h));

        complete.TotalCostAmount = 15000m;
        complete.TotalCostCurrency = "EUR";
        Assert.IsType<EditResult.Saved>((await SaveAsync(h, h.WoippyEditor, draftId, h.WoippySalePartnership, complete)).Result);
        Assert.IsType<EditResult.Saved>(await SubmitAsync(h, h.WoippyEditor, draftId));

        var created = Assert.IsType<EditResult.Created>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
        Assert.Equal(projectsBefore + 1, await ProjectCountAsync(h));
        var (values, _) = await h.LoadProjectAsync(created.Id);
        Assert.Equal((Title, "planned", 2027, 15000m), (values.Title, values.Status, values.StartYear, values.TotalCostAmount));
        var line = Assert.Single(values.Fundings);
        Assert.Equal((h.Woippy, 12000m, "EUR"), (line.FunderAuthorityId!.Value, line.Amount!.Value, line.CurrencyCode));
        Assert.Equal([created.Id], await SearchAsync(h, "jardins partagés"));

        var history = await h.HistoryAsync(created.Id);
        Assert.NotEmpty(history);
        Assert.All(history, r => Assert.Equal(("Wanda Woippy", "Rachid Rabat"), (r.UserName, r.ApprovedByName)));
        draft = Assert.Single(await DraftsAsync(h, h.WoippyEditor));
        Assert.Equal((PendingChangeStatus.Approved, created.Id), (draft.Status, draft.ProjectId!.Value));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Votre projet est publié" && m.Link!.EndsWith($"/projets/{created.Id}", StringComparison.Ordinal));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
    }

    [Fact]
    public async Task Drafts_are_their_authors_own_and_in_their_scope_and_an_authority_editor_cannot_publish_a_project_directly()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var values = new ProjectValues { Title = Title, Status = "planned" };

        // Outside Woippy's partnerships, no draft; a partnership that does not exist is not found; a draft needs a title.
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, h.WoippyEditor, null, h.TyrPartnership, values)).Result);
        Assert.IsType<EditResult.NotFound>((await SaveAsync(h, h.WoippyEditor, null, int.MaxValue, values)).Result);
        Assert.IsType<EditResult.Invalid>((await SaveAsync(h, h.WoippyEditor, null, h.WoippySalePartnership, new ProjectValues { Title = "  " })).Result);
        // Correspondents and administrators publish directly: they keep no drafts.
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, h.RabatCorrespondent, null, h.WoippySalePartnership, values)).Result);

        var draftId = (await SaveAsync(h, h.WoippyEditor, null, h.WoippySalePartnership, values)).DraftId!.Value;
        // Another editor of the same authority can neither change nor submit it, nor a reviewer decide it before it is submitted.
        var other = h.WoippyEditor with { UserId = h.RabatCorrespondent.UserId };
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, other, draftId, h.WoippySalePartnership, values)).Result);
        Assert.IsType<EditResult.Forbidden>(await SubmitAsync(h, other, draftId));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.WoippyEditor, draftId, Ct)));

        // The direct creation (the API's) publishes nothing for an authority editor.
        var projectsBefore = await ProjectCountAsync(h);
        Assert.IsType<EditResult.Forbidden>(await h.WithAsync(sp => sp.GetRequiredService<ProjectEditing>().CreateAsync(h.WoippyEditor, h.WoippySalePartnership, values, Ct)));
        Assert.Equal(projectsBefore, await ProjectCountAsync(h));

        // The Beirut correspondent may not decide on a Moroccan partnership's project; an administrator may.
        Assert.IsType<EditResult.Saved>(await SubmitAsync(h, h.WoippyEditor, draftId));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.BeirutCorrespondent, draftId, Ct)));
        Assert.Single(await PendingAsync(h, h.Administrator));
        Assert.IsType<EditResult.Created>(await ReviewAsync(h, q => q.ApproveAsync(h.Administrator, draftId, Ct)));
    }

    private static Task<DraftResult> SaveAsync(EditingHarness h, Editor editor, long? draftId, int partnershipId, ProjectValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<Drafts>().SaveProjectAsync(editor, draftId, partnershipId, values, Ct));

    /// <summary>Submits a draft of either kind.</summary>
    internal static Task<EditResult> SubmitAsync(EditingHarness h, Editor editor, long draftId) =>
        h.WithAsync(sp => sp.GetRequiredService<Drafts>().SubmitAsync(editor, draftId, Ct));

    private static async Task<IReadOnlyList<ProjectDraft>> DraftsAsync(EditingHarness h, Editor editor) =>
        (await h.WithAsync(sp => sp.GetRequiredService<Drafts>().OfAuthorAsync(editor, Ct))).Cast<ProjectDraft>().ToList();

    private static async Task<int> ProjectCountAsync(EditingHarness h)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        return await db.Projects.IgnoreQueryFilters().CountAsync(Ct);
    }

    private static Task<List<int>> SearchAsync(EditingHarness h, string text) => AuthorityEditingTests.SearchAsync(h, text);
}
