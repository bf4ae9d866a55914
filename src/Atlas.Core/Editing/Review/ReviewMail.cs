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
            .Select(c => new { c.Kind, c.ProjectId, c.PartnershipId, c.SubmittedByName, c.Values, c.PartnershipValues, c.AuthorityIds }).SingleAsync(ct).ConfigureAwait(false);
        // A change is reviewed in its project's countries; a new project in those of its partnership's authorities; a new
        // partnership in those of its own authorities.
        var project = change switch
        {
            { Kind: PendingChangeKind.ProjectChange, ProjectId: { } projectId } =>
                await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Title, p.CountryCodes }).SingleAsync(ct).ConfigureAwait(false),
            { Kind: PendingChangeKind.NewPartnership } => new
            {
                Title = change.PartnershipValues!.Title?.Trim() ?? "",
                CountryCodes = await db.LocalAuthorities.AsNoTracking().Where(a => change.AuthorityIds.Contains(a.Id))
                    .Select(a => a.CountryCode).Distinct().ToArrayAsync(ct).ConfigureAwait(false),
            },
            _ => new
            {
                Title = change.Values!.Title?.Trim() ?? "",
                CountryCodes = await db.PartnershipAuthorities.AsNoTracking().Where(pa => pa.PartnershipId == change.PartnershipId)
                    .Select(pa => pa.LocalAuthority!.CountryCode).Distinct().ToArrayAsync(ct).ConfigureAwait(false),
            },
        };
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
            await mail.SendAfterSavingAsync(change.Kind switch
            {
                PendingChangeKind.NewProject or PendingChangeKind.NewPartnership => new OutgoingMail(reviewer.Email!, reviewer.DisplayName, "review-waiting",
                    $"Un nouveau {Noun(change.Kind)} attend votre relecture",
                    $"{change.SubmittedByName} déclare un nouveau {Noun(change.Kind)}, « {project.Title} ». Il ne sera publié que si vous l’approuvez. Pour le relire :",
                    links.Link(ReviewPath)),
                _ => new OutgoingMail(reviewer.Email!, reviewer.DisplayName, "review-waiting", "Une modification attend votre relecture",
                    $"{change.SubmittedByName} propose une modification du projet « {project.Title} ». Le public voit la version publiée " +
                    "tant que vous ne l’avez pas approuvée. Pour la relire :", links.Link(ReviewPath)),
            }, logger, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the submitter what became of their change (approved, or sent back with the reviewer's comment).</summary>
    public async Task DecidedAsync(long pendingChangeId, CancellationToken ct = default)
    {
        var decided = await db.PendingChanges.AsNoTracking().Where(c => c.Id == pendingChangeId)
            .Select(c => new { c.Kind, c.ProjectId, c.PartnershipId, c.SubmittedById, c.Status, c.ReviewerName, c.Comment, c.Values, c.PartnershipValues }).SingleAsync(ct).ConfigureAwait(false);
        if (decided.Status is PendingChangeStatus.Pending or PendingChangeStatus.Draft || decided.SubmittedById is not int submitterId) return;
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == submitterId && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (submitter is null) return;
        var title = decided switch
        {
            { Kind: PendingChangeKind.NewPartnership } => decided.PartnershipValues!.Title?.Trim() ?? "",
            { ProjectId: { } projectId } => await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(ct).ConfigureAwait(false),
            _ => decided.Values!.Title?.Trim() ?? "",
        };
        var reviewer = decided.ReviewerName ?? "La relecture";
        if (decided.Kind != PendingChangeKind.ProjectChange)
        {
            // A declared record: approved, it is published at its own address; sent back, its author corrects the draft.
            var noun = Noun(decided.Kind);
            var published = decided.Kind == PendingChangeKind.NewPartnership ? $"/partenariats/{decided.PartnershipId}" : $"/projets/{decided.ProjectId}";
            await mail.SendAfterSavingAsync(decided.Status == PendingChangeStatus.Approved
                ? new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-approved", $"Votre {noun} est publié",
                    $"{reviewer} a approuvé le {noun} « {title} » que vous avez déclaré : il est publié. Pour le voir :", links.Link(published))
                : new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-sent-back", $"Votre {noun} vous est renvoyé",
                    $"{reviewer} vous renvoie le {noun} « {title} » que vous avez déclaré, avec ce commentaire :\n\n« {decided.Comment} »\n\n" +
                    "Rien n’est publié. Corrigez le brouillon, puis soumettez-le de nouveau :", links.Link(Drafts.PathOf(decided.Kind, pendingChangeId))), logger, ct).ConfigureAwait(false);
            return;
        }
        var message = decided.Status == PendingChangeStatus.Approved
            ? new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-approved", "Votre modification est publiée",
                $"{reviewer} a approuvé votre modification du projet « {title} » : elle est publiée. Pour voir le projet :",
                links.Link($"/projets/{decided.ProjectId}"))
            : new OutgoingMail(submitter.Email!, submitter.DisplayName, "review-sent-back", "Votre modification vous est renvoyée",
                $"{reviewer} vous renvoie votre modification du projet « {title} » avec ce commentaire :\n\n« {decided.Comment} »\n\n" +
                "Rien n’est publié. Corrigez-la, puis soumettez-la de nouveau ; vos soumissions et leur état :", links.Link(SubmissionsPath));
        await mail.SendAfterSavingAsync(message, logger, ct).ConfigureAwait(false);
    }

    /// <summary>What a declared record is called in its mails (both masculine).</summary>
    private static string Noun(PendingChangeKind kind) => kind == PendingChangeKind.NewPartnership ? "partenariat" : "projet";
}
