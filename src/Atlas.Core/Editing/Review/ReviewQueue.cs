namespace Atlas.Core.Editing.Review;

/// <summary>
/// The review of authority editors' changes: the queue a reviewer may review (an administrator: all; a correspondent: the
/// projects of their post's countries, by <see cref="EditingScope"/>), a submitter's own submissions, and the decisions.
/// Approving publishes the change through <see cref="ProjectEditing"/> as the reviewer, from the version it was made on: if the
/// project changed since, the reviewer is shown the conflict and nothing is published. Approving a new project declared by an
/// authority editor, or a new partnership (<see cref="Drafts"/>), creates it, as the API's creation does; sending it back
/// returns it to its author as a draft to correct and submit again.
/// </summary>
public sealed class ReviewQueue(AtlasDbContext db, ReviewScope reviews, ProjectEditing editing, PartnershipEditing partnershipEditing,
    ReferenceCatalog catalog, TimeProvider clock, ReviewMail reviewMail)
{
    /// <summary>The pending changes <paramref name="reviewer"/> may review, oldest first, each with its diff against the published values.</summary>
    public async Task<IReadOnlyList<PendingChangeView>> PendingAsync(Editor reviewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var changes = await reviews.Waiting(reviewer).AsNoTracking()
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        return await ViewsAsync(changes, ct).ConfigureAwait(false);
    }

    /// <summary>What <paramref name="submitter"/> has submitted, newest first, with where each stands (their drafts not yet submitted aside).</summary>
    public async Task<IReadOnlyList<PendingChangeView>> SubmittedByAsync(Editor submitter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        var changes = await db.PendingChanges.AsNoTracking().Where(c => c.SubmittedById == submitter.UserId && c.Status != PendingChangeStatus.Draft)
            .OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        return await ViewsAsync(changes, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes a pending change as <paramref name="reviewer"/> (the history names the submitter as author and the reviewer as approver):
    /// Saved, or Forbidden/NotFound (nothing changed), Conflict when the project changed since it was made, Invalid if it no longer passes the rules.
    /// A new project or partnership is created: Created with its id (<see cref="PublishedPathAsync"/> says where it is).
    /// </summary>
    public async Task<EditResult> ApproveAsync(Editor reviewer, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (await FindAsync(reviewer, id, ct).ConfigureAwait(false) is not { } found) return new EditResult.NotFound();
        if (found.Refused is { } refused) return refused;
        var change = found.Change!;

        // Published within the reviewer's scope, recorded as the submitter's change approved by the reviewer.
        var publisher = reviewer with { ProposedBy = new ChangeProposer(change.SubmittedById, change.SubmittedByName) };
        var result = change switch
        {
            { Kind: PendingChangeKind.NewPartnership } => await partnershipEditing.CreateAsync(publisher, change.PartnershipValues!, ct).ConfigureAwait(false),
            { ProjectId: { } projectId } => await editing.SaveAsync(publisher, projectId, (uint)change.BaseVersion, change.Values!, ct).ConfigureAwait(false),
            _ => await editing.CreateAsync(publisher, change.PartnershipId!.Value, change.Values!, ct).ConfigureAwait(false),
        };
        if (result is not (EditResult.Saved or EditResult.Created)) return result;
        await DecideAsync(id, reviewer, PendingChangeStatus.Approved, null, ct).ConfigureAwait(false);
        // The declared record now exists: the change points at it, for its author's list and the mail's link.
        if (result is EditResult.Created created)
        {
            await (change.Kind == PendingChangeKind.NewPartnership
                ? db.PendingChanges.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PartnershipId, created.Id), ct)
                : db.PendingChanges.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProjectId, created.Id), ct)).ConfigureAwait(false);
        }
        await reviewMail.DecidedAsync(id, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>The page of the record an approved change published: its project, or the partnership it declared.</summary>
    public async Task<string?> PublishedPathAsync(long id, CancellationToken ct = default)
    {
        var change = await db.PendingChanges.AsNoTracking().Where(c => c.Id == id && c.Status == PendingChangeStatus.Approved)
            .Select(c => new { c.Kind, c.ProjectId, c.PartnershipId }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return change is null ? null : change.Kind == PendingChangeKind.NewPartnership
            ? FormattableString.Invariant($"/partenariats/{change.PartnershipId}")
            : FormattableString.Invariant($"/projets/{change.ProjectId}");
    }

    /// <summary>Sends a pending change back to its submitter with <paramref name="comment"/> (required): nothing published.</summary>
    public async Task<EditResult> SendBackAsync(Editor reviewer, long id, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (await FindAsync(reviewer, id, ct).ConfigureAwait(false) is not { } found) return new EditResult.NotFound();
        if (found.Refused is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(comment))
            return EditResult.Invalid.Of(nameof(PendingChange.Comment), "required", "Dites à l'auteur pourquoi sa modification lui est renvoyée.");
        if (comment.Trim().Length > PendingChange.MaxCommentLength)
            return EditResult.Invalid.Of(nameof(PendingChange.Comment), "too_long", $"Le commentaire ne peut dépasser {PendingChange.MaxCommentLength} caractères.");

        await DecideAsync(id, reviewer, PendingChangeStatus.SentBack, comment.Trim(), ct).ConfigureAwait(false);
        await reviewMail.DecidedAsync(id, ct).ConfigureAwait(false);
        if (found.Change!.Kind != PendingChangeKind.ProjectChange || found.Change.ProjectId is not { } project) return new EditResult.Saved(0);
        var version = await db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync(ct).ConfigureAwait(false);
        return new EditResult.Saved(version);
    }

    /// <summary>The pending change, or why the reviewer may not decide on it; null when there is no such change still pending.</summary>
    private async Task<(PendingChange? Change, EditResult? Refused)?> FindAsync(Editor reviewer, long id, CancellationToken ct)
    {
        var change = await db.PendingChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        // Outside the reviewer's scope, the change is not told about, decided or not.
        if (change is null) return null;
        if (!await reviews.MayDecideAsync(reviewer, change, ct).ConfigureAwait(false))
            return (null, new EditResult.Forbidden());
        if (change.Status != PendingChangeStatus.Pending) return null;
        return (change, null);
    }

    private async Task DecideAsync(long id, Editor reviewer, PendingChangeStatus status, string? comment, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        // Only a change still pending is decided: of two reviewers deciding at once, the first one's decision stands.
        await db.PendingChanges.Where(c => c.Id == id && c.Status == PendingChangeStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, status)
            .SetProperty(c => c.ReviewerId, reviewer.UserId)
            .SetProperty(c => c.ReviewerName, reviewer.Name)
            .SetProperty(c => c.ReviewedAt, at)
            .SetProperty(c => c.Comment, comment), ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PendingChangeView>> ViewsAsync(List<PendingChange> changes, CancellationToken ct)
    {
        var ofProjects = changes.Where(c => c.Kind != PendingChangeKind.NewPartnership).ToList();
        var ids = ofProjects.Where(c => c.Kind == PendingChangeKind.ProjectChange).Select(c => c.ProjectId).OfType<int>().Distinct().ToList();
        var projects = ids.Count == 0 ? [] : await db.Projects.AsNoTracking().WithEditableLines()
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        // The funders, participants and partnerships shown, published or proposed, and a new partnership's authorities, named
        // in three queries for the whole queue.
        var pending = ofProjects.Where(c => c.Status == PendingChangeStatus.Pending).ToList();
        var shown = pending.Select(c => c.Values!).Concat(pending.Select(c => c.ProjectId).OfType<int>().Where(projects.ContainsKey)
            .Select(p => ProjectValues.Of(projects[p]))).ToList();
        var parties = shown.SelectMany(v => v.Fundings.Select(f => (Authority: f.FunderAuthorityId, Organisation: f.FunderOrganisationId))
            .Concat((v.Participants ?? []).Select(p => (Authority: p.LocalAuthorityId, Organisation: p.OrganisationId)))).ToList();
        var declared = changes.Where(c => c.Kind == PendingChangeKind.NewPartnership && c.Status == PendingChangeStatus.Pending).SelectMany(c => c.AuthorityIds);
        var names = await HistoryNameLookup.LoadAsync(db, parties.Select(p => p.Authority).OfType<int>().Concat(declared),
            parties.Select(p => p.Organisation).OfType<int>(), ofProjects.Select(c => c.PartnershipId).OfType<int>(), ct).ConfigureAwait(false);
        var (authorities, organisations, partnerships) = (names.Authorities, names.Organisations, names.Partnerships);
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        string? Theme(int id) => reference.ThemesById.TryGetValue(id, out var theme) ? theme.Name : null;
        string? Funder(int? authority, int? organisation) =>
            authority is { } a ? authorities.GetValueOrDefault(a) : organisation is { } o ? organisations.GetValueOrDefault(o) : null;
        return changes.Select(c =>
        {
            if (c.Kind == PendingChangeKind.NewPartnership)
            {
                var values = c.PartnershipValues!;
                var proposed = c.Status == PendingChangeStatus.Pending
                    ? ValuesDiff.Of(values, a => authorities.GetValueOrDefault(a), Theme)
                    : [];
                return new PendingChangeView(c.Id, c.Kind, null, c.PartnershipId, null,
                    string.IsNullOrWhiteSpace(values.Title) ? "Partenariat sans titre" : values.Title.Trim(), c.SubmittedByName, c.SubmittedAt, c.Status,
                    c.ReviewerName, c.ReviewedAt, c.Comment, proposed);
            }
            // A new project is compared with nothing: every field it fills is shown as proposed.
            var project = c.Kind == PendingChangeKind.ProjectChange && c.ProjectId is { } p ? projects[p] : null;
            var published = project is null ? new ProjectValues { Participants = [], Volunteers = [], Contacts = [] } : ProjectValues.Of(project);
            var diff = c.Status == PendingChangeStatus.Pending ? ValuesDiff.Between(published, c.Values!, Funder, Theme) : [];
            var title = project?.Title ?? (string.IsNullOrWhiteSpace(c.Values!.Title) ? "Projet sans titre" : c.Values.Title.Trim());
            return new PendingChangeView(c.Id, c.Kind, c.ProjectId, c.PartnershipId,
                c.PartnershipId is { } partnership ? partnerships.GetValueOrDefault(partnership) : null, title, c.SubmittedByName, c.SubmittedAt, c.Status,
                c.ReviewerName, c.ReviewedAt, c.Comment, diff)
            { Names = names with { TotalCostCurrency = c.Values!.TotalCostCurrency ?? project?.TotalCostCurrency } };
        }).ToList();
    }
}
