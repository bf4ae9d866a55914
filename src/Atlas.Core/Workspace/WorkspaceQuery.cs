using Atlas.Core.Editing.Review;
using Atlas.Core.Freshness;

namespace Atlas.Core.Workspace;

/// <summary>
/// What an editor's space (« Mon espace ») reads: the projects and partnerships of their scope (<see cref="EditingScope"/>) with
/// their freshness, the least recently confirmed first; the changes waiting for their review; their own recent saves.
/// </summary>
public sealed class WorkspaceQuery(AtlasDbContext db, EditingScope scope, ReviewScope reviews, FreshnessRule freshness)
{
    public const int PageSize = 50;
    private const int RecentSaves = 10;

    public async Task<WorkspaceRecords> RecordsAsync(Editor editor, WorkspaceFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(filter);
        var staleBefore = freshness.StaleBefore();
        var pattern = string.IsNullOrWhiteSpace(filter.Words) ? null : "%" + EditingRules.LikeEscaped(filter.Words.Trim()) + "%";
        var rows = new List<WorkspaceRecord>();
        int matching = 0, stale = 0, inScope = 0;

        {
            var all = scope.Projects(editor);
            var counts = await all.GroupBy(_ => 1)
                .Select(g => new { All = g.Count(), Stale = g.Count(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore) })
                .SingleOrDefaultAsync(ct).ConfigureAwait(false);
            inScope += counts?.All ?? 0;
            stale += counts?.Stale ?? 0;
            if (filter.Kind is null or RecordKind.Project)
            {
                var projects = all;
                if (pattern is not null) projects = projects.Where(p => EF.Functions.ILike(AtlasDbFunctions.Unaccent(p.Title), AtlasDbFunctions.Unaccent(pattern)));
                if (filter.StaleOnly) projects = projects.Where(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore);
                matching += await projects.CountAsync(ct).ConfigureAwait(false);
                var found = await projects
                    .OrderBy(p => p.ConfirmedAt != null).ThenBy(p => p.ConfirmedAt).ThenBy(p => p.Title).ThenBy(p => p.Id).Take(PageSize)
                    // Only an edit writes history (ix_change_records_project_id): a record never edited has no last edit.
                    .Select(p => new { p.Id, p.Title, p.ConfirmedAt, Edited = db.ChangeRecords.Where(c => c.ProjectId == p.Id).Max(c => (DateTimeOffset?)c.At) })
                    .ToListAsync(ct).ConfigureAwait(false);
                rows.AddRange(found.Select(p => new WorkspaceRecord(RecordKind.Project, p.Id, p.Title, p.ConfirmedAt, p.Edited, freshness.IsStale(p.ConfirmedAt))));
            }
        }
        {
            var all = scope.Partnerships(editor);
            var counts = await all.GroupBy(_ => 1)
                .Select(g => new { All = g.Count(), Stale = g.Count(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore) })
                .SingleOrDefaultAsync(ct).ConfigureAwait(false);
            inScope += counts?.All ?? 0;
            stale += counts?.Stale ?? 0;
            if (filter.Kind is null or RecordKind.Partnership)
            {
                var partnerships = all;
                if (pattern is not null) partnerships = partnerships.Where(p => EF.Functions.ILike(AtlasDbFunctions.Unaccent(p.Title), AtlasDbFunctions.Unaccent(pattern)));
                if (filter.StaleOnly) partnerships = partnerships.Where(p => p.ConfirmedAt == null || p.ConfirmedAt < staleBefore);
                matching += await partnerships.CountAsync(ct).ConfigureAwait(false);
                var kind = RecordedTypes.NameOf<Partnership>();
                var found = await partnerships
                    .OrderBy(p => p.ConfirmedAt != null).ThenBy(p => p.ConfirmedAt).ThenBy(p => p.Title).ThenBy(p => p.Id).Take(PageSize)
                    .Select(p => new
                    {
                        p.Id, p.Title, p.ConfirmedAt,
                        // ix_change_records_entity_type_entity_id answers it.
                        Edited = db.ChangeRecords.Where(c => c.EntityType == kind && c.EntityId == p.Id.ToString()).Max(c => (DateTimeOffset?)c.At),
                    })
                    .ToListAsync(ct).ConfigureAwait(false);
                rows.AddRange(found.Select(p => new WorkspaceRecord(RecordKind.Partnership, p.Id, p.Title, p.ConfirmedAt, p.Edited, freshness.IsStale(p.ConfirmedAt))));
            }
        }

        // The two kinds interleaved in the order each was read in: never confirmed first, then the oldest confirmation.
        var ordered = rows
            .OrderBy(r => r.ConfirmedAt is not null).ThenBy(r => r.ConfirmedAt).ThenBy(r => r.Title, FrenchOrder.Comparer).ThenBy(r => r.Id)
            .Take(PageSize).ToList();
        return new WorkspaceRecords(ordered, matching, stale, inScope);
    }

    /// <summary>How many submitted changes and new projects wait for <paramref name="reviewer"/>'s review (none for an authority editor, who reviews nothing).</summary>
    public Task<int> WaitingReviewCountAsync(Editor reviewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return reviews.Waiting(reviewer).CountAsync(ct);
    }

    /// <summary>The editor's last saves, newest first: one line per save and record, whatever lines of it the save changed.</summary>
    public async Task<IReadOnlyList<WorkspaceChange>> RecentChangesAsync(Editor editor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        // A save of a project writes a record per line it changes: 200 records cover the last saves of any form.
        var records = await db.ChangeRecords.AsNoTracking().Where(c => c.UserId == editor.UserId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new { c.At, c.EntityType, c.EntityId, c.ProjectId, c.Action })
            .ToListAsync(ct).ConfigureAwait(false);

        var saves = records
            .Select(c => (c.At, Target: Target(c.EntityType, c.EntityId, c.ProjectId), c.EntityType, c.Action))
            .Where(c => c.Target is not null)
            .GroupBy(c => (c.At, c.Target!.Value))
            .Select(g =>
            {
                // The record's own line says whether the save created or deleted it; a change of its lines alone updated it.
                var own = g.FirstOrDefault(c => c.EntityType is "project" or "partnership" or "local-authority" or "organisation" or "diplomatic-post");
                return (g.Key.At, Kind: g.Key.Value.Kind, Id: g.Key.Value.Id, Action: own.EntityType is null ? ChangeAction.Updated : own.Action);
            })
            .Take(RecentSaves).ToList();

        List<int> Ids(RecordKind kind) => saves.Where(s => s.Kind == kind).Select(s => s.Id).Distinct().ToList();
        var titles = new Dictionary<(RecordKind, int), string>();
        void Add(RecordKind kind, Dictionary<int, string> found)
        {
            foreach (var (id, title) in found) titles[(kind, id)] = title;
        }
        // Deleted records keep their title here: the save that deleted them is in the list. A kind with no save costs no query.
        if (Ids(RecordKind.Project) is { Count: > 0 } projectIds)
            Add(RecordKind.Project, await db.Projects.IgnoreQueryFilters().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false));
        if (Ids(RecordKind.Partnership) is { Count: > 0 } partnershipIds)
            Add(RecordKind.Partnership, await db.Partnerships.IgnoreQueryFilters().Where(p => partnershipIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false));
        if (Ids(RecordKind.Authority) is { Count: > 0 } authorityIds)
            Add(RecordKind.Authority, await db.LocalAuthorities.IgnoreQueryFilters().Where(a => authorityIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct).ConfigureAwait(false));
        if (Ids(RecordKind.Organisation) is { Count: > 0 } organisationIds)
            Add(RecordKind.Organisation, await db.Organisations.IgnoreQueryFilters().Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct).ConfigureAwait(false));
        if (Ids(RecordKind.DiplomaticPost) is { Count: > 0 } postIds)
            Add(RecordKind.DiplomaticPost, await db.DiplomaticPosts.IgnoreQueryFilters().Where(p => postIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct).ConfigureAwait(false));

        return saves.Select(s => titles.TryGetValue((s.Kind, s.Id), out var title)
                ? new WorkspaceChange(s.At, s.Kind, s.Id, title, s.Action)
                : new WorkspaceChange(s.At, s.Kind, null, RecordKinds.Label(s.Kind), s.Action))
            .ToList();
    }

    /// <summary>The record a change record belongs to, as the space links it; null for a line whose record the history does not name (a contact of an authority).</summary>
    private static (RecordKind Kind, int Id)? Target(string entityType, string entityId, int? projectId)
    {
        if (projectId is { } project) return (RecordKind.Project, project);
        var first = entityId.Split('/')[0];
        if (!int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
        return entityType switch
        {
            "partnership" or "partnership-authority" or "partnership-theme" => (RecordKind.Partnership, id),
            "local-authority" => (RecordKind.Authority, id),
            "organisation" => (RecordKind.Organisation, id),
            "diplomatic-post" or "diplomatic-post-country" => (RecordKind.DiplomaticPost, id),
            _ => null,
        };
    }
}
