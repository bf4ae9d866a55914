namespace Atlas.Core.Editing.Review;

/// <summary>
/// The changes waiting for a reviewer's decision, one rule for the review queue, the space's count and the account menu's: a
/// change of a published project by the project's scope (<see cref="EditingScope.Projects"/>), a new project declared by an
/// authority editor by its partnership's (<see cref="EditingScope.Partnerships"/>: a correspondent of a partner's country), a
/// new partnership by its authorities' (<see cref="EditingScope.Authorities"/>: a correspondent of one of their countries);
/// everything for an administrator; nothing for an authority editor. Drafts are not waiting: their author has not submitted them.
/// </summary>
public sealed class ReviewScope(AtlasDbContext db, EditingScope scope)
{
    public static bool MayReview(Editor editor) => editor?.Role is EditorRole.Administrator or EditorRole.Correspondent;

    public IQueryable<PendingChange> Waiting(Editor reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!MayReview(reviewer)) return db.PendingChanges.Where(_ => false);
        var projects = scope.Projects(reviewer);
        var partnerships = scope.Partnerships(reviewer);
        var authorities = scope.Authorities(reviewer);
        return db.PendingChanges.Where(c => c.Status == PendingChangeStatus.Pending && (c.Kind == PendingChangeKind.NewPartnership
            ? authorities.Any(a => c.AuthorityIds.Contains(a.Id))
            : c.ProjectId != null ? projects.Any(p => p.Id == c.ProjectId) : partnerships.Any(p => p.Id == c.PartnershipId)));
    }

    /// <summary>Whether <paramref name="reviewer"/> may decide on <paramref name="change"/>, whatever its status.</summary>
    public async Task<bool> MayDecideAsync(Editor reviewer, PendingChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(change);
        if (!MayReview(reviewer)) return false;
        if (change.Kind == PendingChangeKind.NewPartnership)
        {
            var authorities = change.AuthorityIds;
            return await scope.Authorities(reviewer).AnyAsync(a => authorities.Contains(a.Id), ct).ConfigureAwait(false);
        }
        return change.ProjectId is { } project
            ? await scope.MayEditProjectAsync(reviewer, project, ct).ConfigureAwait(false)
            : await scope.MayEditPartnershipAsync(reviewer, change.PartnershipId!.Value, ct).ConfigureAwait(false);
    }
}
