namespace Atlas.Core.Editing.Review;

/// <summary>
/// New projects declared by authority editors (issue 14, « déclaration par les collectivités »): a draft is saved as a
/// <see cref="PendingChange"/> with no project, seen by its author only, completed over several sessions, then submitted to the
/// correspondents of a partner country (or the administrators), whose approval creates and publishes the project
/// (<see cref="ReviewQueue.ApproveAsync"/>) and whose sending back returns it to its author to correct. Nothing of it is public
/// before: the projects table holds no unpublished row. A correspondent's or an administrator's new project is published at
/// once by <see cref="ProjectEditing.CreateAsync"/> and never passes here.
/// </summary>
public sealed class ProjectDrafts(AtlasDbContext db, EditingScope scope, ProjectEditing editing, TimeProvider clock, ReviewMail reviewMail)
{
    /// <summary>How many drafts an author may keep open at once: a bound on what one account can store unreviewed.</summary>
    public const int MaxOpenDrafts = 50;

    /// <summary>Whether <paramref name="editor"/> declares new projects as drafts rather than publishing them.</summary>
    public static bool DeclaresDrafts(Editor? editor) => editor?.Role == EditorRole.AuthorityEditor;

    /// <summary>
    /// Saves a new draft in <paramref name="partnershipId"/> (<paramref name="draftId"/> null) or the author's draft
    /// <paramref name="draftId"/>: Created with the draft's id, or Invalid (a draft needs a title, to be found again),
    /// Forbidden (not an authority editor, partnership out of scope, someone else's draft), NotFound. The other rules are
    /// checked when it is submitted, so that a draft can be saved incomplete.
    /// </summary>
    public async Task<DraftResult> SaveAsync(Editor editor, long? draftId, int partnershipId, ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(values);
        if (!DeclaresDrafts(editor)) return new DraftResult(new EditResult.Forbidden(), draftId);
        PendingChange? draft = null;
        if (draftId is { } id)
        {
            draft = await db.PendingChanges.SingleOrDefaultAsync(c => c.Id == id && c.ProjectId == null, ct).ConfigureAwait(false);
            if (draft is null) return new DraftResult(new EditResult.NotFound(), draftId);
            if (draft.SubmittedById != editor.UserId) return new DraftResult(new EditResult.Forbidden(), draftId);
            if (!draft.Status.IsEditableDraft()) return new DraftResult(new EditResult.Conflict(0, []), draftId);
            partnershipId = draft.PartnershipId!.Value;
        }
        else if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct).ConfigureAwait(false))
        {
            return new DraftResult(new EditResult.NotFound(), null);
        }
        if (!await scope.MayCreateProjectInAsync(editor, partnershipId, ct).ConfigureAwait(false)) return new DraftResult(new EditResult.Forbidden(), draftId);
        if (string.IsNullOrWhiteSpace(values.Title))
            return new DraftResult(EditResult.Invalid.Of(nameof(ProjectValues.Title), "title_required", "Donnez un titre au projet pour enregistrer son brouillon."), draftId);
        if (values.Title.Trim().Length > ProjectValidator.MaxTitleLength)
            return new DraftResult(EditResult.Invalid.Of(nameof(ProjectValues.Title), "too_long", $"Le titre ne peut dépasser {ProjectValidator.MaxTitleLength} caractères."), draftId);

        if (draft is null)
        {
            var open = await db.PendingChanges.CountAsync(c => c.SubmittedById == editor.UserId && c.ProjectId == null
                && c.Status != PendingChangeStatus.Approved, ct).ConfigureAwait(false);
            if (open >= MaxOpenDrafts)
                return new DraftResult(EditResult.Invalid.Of("", "too_many_drafts",
                    $"Vous avez déjà {MaxOpenDrafts} projets en cours de déclaration : soumettez-en avant d'en commencer un autre."), null);
            draft = new PendingChange { PartnershipId = partnershipId, SubmittedById = editor.UserId, SubmittedByName = editor.Name, Values = values, Status = PendingChangeStatus.Draft };
            db.PendingChanges.Add(draft);
        }
        // A new project's lines are all new: an id sent with one (by a tampered form) would name another project's line.
        draft.Values = WithoutLineIds(values);
        draft.SubmittedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new DraftResult(new EditResult.Saved(0), draft.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Submits the author's draft for review, checked by every rule of a new project (<see cref="ProjectEditing.CheckNewAsync"/>):
    /// Saved (the reviewers are mailed), Invalid with the fields to correct, Forbidden, NotFound, or Conflict when it is not a
    /// draft any more (already submitted or decided).
    /// </summary>
    public async Task<EditResult> SubmitAsync(Editor editor, long draftId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var draft = await db.PendingChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == draftId && c.ProjectId == null, ct).ConfigureAwait(false);
        if (draft is null) return new EditResult.NotFound();
        if (!DeclaresDrafts(editor) || draft.SubmittedById != editor.UserId) return new EditResult.Forbidden();
        if (!draft.Status.IsEditableDraft()) return new EditResult.Conflict(0, []);
        if (await editing.CheckNewAsync(editor, draft.PartnershipId!.Value, draft.Values, ct).ConfigureAwait(false) is { } refused) return refused;

        var at = clock.GetUtcNow();
        // Only a draft still in its author's hands is submitted: of two submissions at once, one is.
        var submitted = await db.PendingChanges.Where(c => c.Id == draftId && (c.Status == PendingChangeStatus.Draft || c.Status == PendingChangeStatus.SentBack))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, PendingChangeStatus.Pending).SetProperty(c => c.SubmittedAt, at), ct).ConfigureAwait(false);
        if (submitted == 0) return new EditResult.Conflict(0, []);
        await reviewMail.SubmittedAsync(draftId, ct).ConfigureAwait(false);
        return new EditResult.Saved(0);
    }

    /// <summary>The author's draft <paramref name="draftId"/>; null when there is none, or it is someone else's.</summary>
    public async Task<ProjectDraft?> FindAsync(Editor editor, long draftId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return (await DraftsAsync(db.PendingChanges.Where(c => c.Id == draftId && c.SubmittedById == editor.UserId && c.PartnershipId != null), ct).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Whether a declared project's draft <paramref name="draftId"/> exists, whoever's it is: someone else's is refused rather than not found.</summary>
    public Task<bool> ExistsAsync(long draftId, CancellationToken ct = default) =>
        db.PendingChanges.AnyAsync(c => c.Id == draftId && c.PartnershipId != null, ct);

    /// <summary>The new projects <paramref name="editor"/> declared, the last saved first: those still to finish or correct, then submitted, then approved.</summary>
    public async Task<IReadOnlyList<ProjectDraft>> OfAuthorAsync(Editor editor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!DeclaresDrafts(editor)) return [];
        var drafts = await DraftsAsync(db.PendingChanges.Where(c => c.SubmittedById == editor.UserId && c.PartnershipId != null), ct).ConfigureAwait(false);
        return drafts.OrderBy(d => d.IsEditable ? 0 : d.Status == PendingChangeStatus.Pending ? 1 : 2).ThenByDescending(d => d.SavedAt).ThenByDescending(d => d.Id).ToList();
    }

    /// <summary>The names of the authorities and organisations a draft's lines name, for its form (a draft holds ids only).</summary>
    public async Task<IReadOnlyList<PartyMatch>> PartiesAsync(ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var participants = values.Participants ?? [];
        var authorityIds = values.Fundings.Select(f => f.FunderAuthorityId).Concat(participants.Select(p => p.LocalAuthorityId)).OfType<int>().Distinct().ToList();
        var organisationIds = values.Fundings.Select(f => f.FunderOrganisationId).Concat(participants.Select(p => p.OrganisationId)).OfType<int>().Distinct().ToList();
        var authorities = authorityIds.Count == 0 ? [] : await db.LocalAuthorities.Where(a => authorityIds.Contains(a.Id))
            .Select(a => new PartyMatch(a.Id, a.Name, true)).ToListAsync(ct).ConfigureAwait(false);
        var organisations = organisationIds.Count == 0 ? [] : await db.Organisations.Where(o => organisationIds.Contains(o.Id))
            .Select(o => new PartyMatch(o.Id, o.Name, false)).ToListAsync(ct).ConfigureAwait(false);
        return [.. authorities, .. organisations];
    }

    private async Task<List<ProjectDraft>> DraftsAsync(IQueryable<PendingChange> changes, CancellationToken ct)
    {
        var rows = await changes.AsNoTracking()
            .Join(db.Partnerships, c => c.PartnershipId, p => p.Id, (c, p) => new { Change = c, p.Title })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new ProjectDraft(r.Change.Id, r.Change.PartnershipId!.Value, r.Title, r.Change.Status, r.Change.SubmittedAt,
            r.Change.ReviewerName, r.Change.Comment, r.Change.ProjectId, r.Change.Values)).ToList();
    }

    private static ProjectValues WithoutLineIds(ProjectValues values)
    {
        foreach (var funding in values.Fundings) funding.Id = null;
        foreach (var participant in values.Participants ?? []) participant.Id = null;
        foreach (var volunteer in values.Volunteers ?? []) volunteer.Id = null;
        foreach (var contact in values.Contacts ?? []) contact.Id = null;
        return values;
    }
}
