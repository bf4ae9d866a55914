using Atlas.Core.Mail;

namespace Atlas.Core.Editing.Review;

/// <summary>
/// The review's mail: the reviewers are told when a change waits (the enabled correspondents whose post covers a country of
/// the project, as <see cref="EditingScope"/> scopes them; the administrators when none does), the submitter when it is
/// approved or sent back. Called after the change or the decision is saved: a mail that cannot be written is logged, never
/// turned into a failed save.
/// </summary>
public sealed partial class ReviewMail(AtlasDbContext db, IOutgoingMail mail, IPortalLinks links, ILogger<ReviewMail> logger)
{
    public const string ReviewPath = "/relecture";
    public const string SubmissionsPath = "/relecture/mes-soumissions";

    public async Task SubmittedAsync(long pendingChangeId, CancellationToken ct = default)
    {
        var change = await db.PendingChanges.AsNoTracking().Where(c => c.Id == pendingChangeId)
            .Select(c => new { c.ProjectId, c.SubmittedByName }).SingleAsync(ct).ConfigureAwait(false);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == change.ProjectId)
            .Select(p => new { p.Title, p.CountryCodes }).SingleAsync(ct).ConfigureAwait(false);
        var countries = project.CountryCodes;
        var reviewers = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && u.Role == EditorRole.Correspondent
                && db.DiplomaticPostCountries.Any(pc => pc.DiplomaticPostId == u.DiplomaticPostId && countries.Contains(pc.CountryCode)))
            .OrderBy(u => u.Id).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        if (reviewers.Count == 0)
        {
            reviewers = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.Email != null && u.Role == EditorRole.Administrator)
                .OrderBy(u => u.Id).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        }
        foreach (var reviewer in reviewers)
        {
            await mail.SendAfterSavingAsync(new OutgoingMail(reviewer.Email!, reviewer.DisplayName, "review-waiting", "Une modification attend votre relecture",
                $"{change.SubmittedByName} propose une modification du projet « {project.Title} ». Le public voit la version publiée " +
                "tant que vous ne l’avez pas approuvée. Pour la relire :", links.Link(ReviewPath)), logger, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the submitter what became of their change (approved, or sent back with the reviewer's comment).</summary>
    public async Task DecidedAsync(long pendingChangeId, CancellationToken ct = default)
    {
        var decided = await db.PendingChanges.AsNoTracking().Where(c => c.Id == pendingChangeId)
            .Select(c => new { c.ProjectId, c.SubmittedById, c.Status, c.ReviewerName, c.Comment }).SingleAsync(ct).ConfigureAwait(false);
        if (decided.Status == PendingChangeStatus.Pending || decided.SubmittedById is not int submitterId) return;
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == submitterId && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (submitter is null) return;
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == decided.ProjectId).Select(p => p.Title).SingleAsync(ct).ConfigureAwait(false);
        var reviewer = decided.ReviewerName ?? "La relecture";
        var message = decided.Status == PendingChangeStatus.Approved
            ? new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-approved", "Votre modification est publiée",
                $"{reviewer} a approuvé votre modification du projet « {title} » : elle est publiée. Pour voir le projet :",
                links.Link($"/projets/{decided.ProjectId}"))
            : new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-sent-back", "Votre modification vous est renvoyée",
                $"{reviewer} vous renvoie votre modification du projet « {title} » avec ce commentaire :\n\n« {decided.Comment} »\n\n" +
                "Rien n’est publié. Corrigez-la, puis soumettez-la de nouveau ; vos soumissions et leur état :", links.Link(SubmissionsPath));
        await mail.SendAfterSavingAsync(message, logger, ct).ConfigureAwait(false);
    }


}
