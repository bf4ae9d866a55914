using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Core.Partnerships;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Atlas.Web.Tests.Editing.ReviewTests;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// A new partnership an authority editor declares (issue 14), by the same draft mechanism as a new project: saved incomplete and
/// completed later, invisible to the partnership directory until approved; submitted, sent back with a comment, corrected,
/// submitted again and approved by the Rabat correspondent (Salé is Moroccan), it is created with its values and credited to its
/// author and approver. Its author may delete it until then, and it leaves the queue with it.
/// </summary>
public sealed class PartnershipDraftTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Title = "Coopération sportive Woippy–Salé, déclarée par Woippy";

    [Fact]
    public async Task A_declared_partnership_is_a_private_draft_until_the_Rabat_correspondent_approves_it_then_it_is_created_and_credited_to_both()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var before = await PartnershipCountAsync(h);

        // Saved incomplete (Woippy alone, no status), completed in a second session.
        var first = await SaveAsync(h, h.WoippyEditor, null, new PartnershipValues { Title = Title, AuthorityIds = [h.Woippy] });
        Assert.IsType<EditResult.Saved>(first.Result);
        var draftId = Assert.IsType<long>(first.DraftId);
        var draft = Assert.IsType<PartnershipDraft>(Assert.Single(await DraftsAsync(h, h.WoippyEditor)));
        Assert.Equal((draftId, PendingChangeStatus.Draft, Title, $"/partenariats/brouillons/{draftId}"), (draft.Id, draft.Status, draft.Title, draft.Path));
        var incomplete = Assert.IsType<EditResult.Invalid>(await ProjectDraftTests.SubmitAsync(h, h.WoippyEditor, draftId));
        Assert.Contains(incomplete.Errors.Keys, k => k.StartsWith("AuthorityIds", StringComparison.Ordinal));

        var complete = new PartnershipValues { Title = Title, Status = "active", SignedYear = 2026, Domains = "Sport", AuthorityIds = [h.Woippy, h.Sale] };
        Assert.IsType<EditResult.Saved>((await SaveAsync(h, h.WoippyEditor, draftId, complete)).Result);

        // Nothing of it is public, nor in the reviewers' queue while it is a draft.
        Assert.Equal(before, await PartnershipCountAsync(h));
        Assert.Empty(await DirectoryAsync(h, "sportive"));
        Assert.Empty(await PendingAsync(h, h.RabatCorrespondent));

        Assert.IsType<EditResult.Saved>(await ProjectDraftTests.SubmitAsync(h, h.WoippyEditor, draftId));
        var waiting = Assert.Single(await PendingAsync(h, h.RabatCorrespondent));
        Assert.True(waiting.IsNewPartnership);
        Assert.Equal((Title, (int?)null), (waiting.Title, waiting.PartnershipId));
        Assert.Contains(waiting.Diff, d => d.Field == "title" && d.Current is null && d.Proposed == Title);
        Assert.Contains(waiting.Diff, d => d.Field == "authorities" && d.Proposed!.Contains("Salé", StringComparison.Ordinal));
        // Beirut covers neither France nor Morocco: not its to review.
        Assert.Empty(await PendingAsync(h, h.BeirutCorrespondent));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Un nouveau partenariat attend votre relecture" && m.Text.Contains(Title, StringComparison.Ordinal));
        // Submitted, it is no longer its author's to change.
        Assert.IsType<EditResult.Conflict>((await SaveAsync(h, h.WoippyEditor, draftId, complete)).Result);

        Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.SendBackAsync(h.RabatCorrespondent, draftId, "Précisez la date de signature.", Ct)));
        draft = Assert.IsType<PartnershipDraft>(Assert.Single(await DraftsAsync(h, h.WoippyEditor)));
        Assert.Equal((PendingChangeStatus.SentBack, "Précisez la date de signature.", "Rachid Rabat"), (draft.Status, draft.Comment, draft.ReviewerName));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Votre partenariat vous est renvoyé" && m.Link!.EndsWith($"/partenariats/brouillons/{draftId}", StringComparison.Ordinal));
        Assert.Equal(before, await PartnershipCountAsync(h));

        complete.SignedOn = new DateOnly(2026, 3, 14);
        Assert.IsType<EditResult.Saved>((await SaveAsync(h, h.WoippyEditor, draftId, complete)).Result);
        Assert.IsType<EditResult.Saved>(await ProjectDraftTests.SubmitAsync(h, h.WoippyEditor, draftId));

        var created = Assert.IsType<EditResult.Created>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
        Assert.Equal(before + 1, await PartnershipCountAsync(h));
        Assert.Equal($"/partenariats/{created.Id}", await h.WithAsync(sp => sp.GetRequiredService<ReviewQueue>().PublishedPathAsync(draftId, Ct)));
        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            var partnership = await db.Partnerships.AsNoTracking().Include(p => p.Authorities).SingleAsync(p => p.Id == created.Id, Ct);
            Assert.Equal((Title, PartnershipStatus.Active, new DateOnly(2026, 3, 14), "Sport"), (partnership.Title, partnership.Status, partnership.SignedOn!.Value, partnership.Domains));
            Assert.Equal([h.Woippy, h.Sale], partnership.Authorities.Select(a => a.LocalAuthorityId).Order());
        }
        Assert.Equal([created.Id], await DirectoryAsync(h, "sportive"));

        var history = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().OfRecordAsync(
            RecordedTypes.NameOf<Partnership>(), created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.NotEmpty(history);
        Assert.All(history, r => Assert.Equal(("Wanda Woippy", "Rachid Rabat"), (r.UserName, r.ApprovedByName)));
        draft = Assert.IsType<PartnershipDraft>(Assert.Single(await DraftsAsync(h, h.WoippyEditor)));
        Assert.Equal((PendingChangeStatus.Approved, created.Id, $"/partenariats/{created.Id}"), (draft.Status, draft.PartnershipId!.Value, draft.PublishedPath));
        Assert.Contains(h.Mail.Sent, m => m.Subject == "Votre partenariat est publié" && m.Link!.EndsWith($"/partenariats/{created.Id}", StringComparison.Ordinal));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
        // Approved, it is the partnership: no longer deleted as a draft.
        Assert.IsType<EditResult.Conflict>(await DeleteAsync(h, h.WoippyEditor, draftId));
    }

    [Fact]
    public async Task Partnership_drafts_are_their_authors_own_and_take_in_their_authority_and_an_authority_editor_cannot_publish_a_partnership_directly()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var values = new PartnershipValues { Title = Title, Status = "active", AuthorityIds = [h.Woippy, h.Sale] };

        // A draft takes in the author's authority, and has a title; correspondents and administrators keep no drafts.
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, h.WoippyEditor, null, new PartnershipValues { Title = Title, AuthorityIds = [h.Sale, h.Tyr] })).Result);
        Assert.IsType<EditResult.Invalid>((await SaveAsync(h, h.WoippyEditor, null, new PartnershipValues { Title = " ", AuthorityIds = [h.Woippy] })).Result);
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, h.RabatCorrespondent, null, values)).Result);
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, h.Administrator, null, values)).Result);

        var draftId = (await SaveAsync(h, h.WoippyEditor, null, values)).DraftId!.Value;
        // A project draft's address does not open it, nor a partnership draft's a project draft.
        Assert.IsType<EditResult.NotFound>((await h.WithAsync(sp => sp.GetRequiredService<Drafts>().SaveProjectAsync(h.WoippyEditor, draftId, h.WoippySalePartnership,
            new Atlas.Core.Projects.ProjectValues { Title = Title }, Ct))).Result);
        // Another editor of the same authority can neither change, submit nor delete it, nor a reviewer decide it before it is submitted.
        var other = h.WoippyEditor with { UserId = h.RabatCorrespondent.UserId };
        Assert.IsType<EditResult.Forbidden>((await SaveAsync(h, other, draftId, values)).Result);
        Assert.IsType<EditResult.Forbidden>(await ProjectDraftTests.SubmitAsync(h, other, draftId));
        Assert.IsType<EditResult.Forbidden>(await DeleteAsync(h, other, draftId));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, draftId, Ct)));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.WoippyEditor, draftId, Ct)));

        // The direct creation (the API's) publishes nothing for an authority editor.
        var before = await PartnershipCountAsync(h);
        Assert.IsType<EditResult.Forbidden>(await h.WithAsync(sp => sp.GetRequiredService<PartnershipEditing>().CreateAsync(h.WoippyEditor, values, Ct)));
        Assert.Equal(before, await PartnershipCountAsync(h));

        // The Beirut correspondent may not decide on a French–Moroccan partnership; an administrator may.
        Assert.IsType<EditResult.Saved>(await ProjectDraftTests.SubmitAsync(h, h.WoippyEditor, draftId));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.ApproveAsync(h.BeirutCorrespondent, draftId, Ct)));
        Assert.IsType<EditResult.Forbidden>(await ReviewAsync(h, q => q.SendBackAsync(h.BeirutCorrespondent, draftId, "Hors de mon périmètre.", Ct)));
        Assert.Single(await PendingAsync(h, h.Administrator));
        Assert.IsType<EditResult.Created>(await ReviewAsync(h, q => q.ApproveAsync(h.Administrator, draftId, Ct)));
        Assert.Equal(before + 1, await PartnershipCountAsync(h));
    }

    [Fact]
    public async Task An_author_deletes_a_draft_of_either_kind_submitted_or_not_and_it_leaves_their_space_and_the_review_queue()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var partnership = (await SaveAsync(h, h.WoippyEditor, null, new PartnershipValues { Title = Title, Status = "active", AuthorityIds = [h.Woippy, h.Sale] })).DraftId!.Value;
        var project = (await h.WithAsync(sp => sp.GetRequiredService<Drafts>().SaveProjectAsync(h.WoippyEditor, null, h.WoippySalePartnership,
            new Atlas.Core.Projects.ProjectValues { Title = "Projet à supprimer", Status = "planned" }, Ct))).DraftId!.Value;
        Assert.IsType<EditResult.Saved>(await ProjectDraftTests.SubmitAsync(h, h.WoippyEditor, partnership));
        Assert.Single(await PendingAsync(h, h.RabatCorrespondent));
        Assert.Equal(2, (await DraftsAsync(h, h.WoippyEditor)).Count);

        Assert.IsType<EditResult.Saved>(await DeleteAsync(h, h.WoippyEditor, partnership));
        Assert.IsType<EditResult.Saved>(await DeleteAsync(h, h.WoippyEditor, project));
        Assert.Empty(await DraftsAsync(h, h.WoippyEditor));
        Assert.Empty(await PendingAsync(h, h.RabatCorrespondent));
        Assert.IsType<EditResult.NotFound>(await DeleteAsync(h, h.WoippyEditor, partnership));
        Assert.IsType<EditResult.NotFound>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, partnership, Ct)));
    }

    private static Task<DraftResult> SaveAsync(EditingHarness h, Editor editor, long? draftId, PartnershipValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<Drafts>().SavePartnershipAsync(editor, draftId, values, Ct));

    private static Task<EditResult> DeleteAsync(EditingHarness h, Editor editor, long draftId) =>
        h.WithAsync(sp => sp.GetRequiredService<Drafts>().DeleteAsync(editor, draftId, Ct));

    private static Task<IReadOnlyList<Draft>> DraftsAsync(EditingHarness h, Editor editor) =>
        h.WithAsync(sp => sp.GetRequiredService<Drafts>().OfAuthorAsync(editor, Ct));

    private static async Task<int> PartnershipCountAsync(EditingHarness h)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        return await db.Partnerships.IgnoreQueryFilters().CountAsync(Ct);
    }

    /// <summary>The partnerships the public directory finds for <paramref name="words"/>.</summary>
    private static Task<List<int>> DirectoryAsync(EditingHarness h, string words) => h.WithAsync(async sp =>
    {
        var reference = await sp.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
        var page = await sp.GetRequiredService<PartnershipDirectory>().GetAsync(new PartnershipFilter { Query = words }, PartnershipDirectorySort.Title, 0, 50, reference, Ct);
        return page.Items.Select(i => i.Id).ToList();
    });
}
