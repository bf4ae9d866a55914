namespace Atlas.Core.Editing.Review;

/// <summary>
/// New projects and partnerships declared by authority editors (issue 14, « déclaration par les collectivités »), one mechanism
/// for both: a draft is saved as a <see cref="PendingChange"/> of kind <see cref="PendingChangeKind.NewProject"/> or
/// <see cref="PendingChangeKind.NewPartnership"/>, with no record, seen by its author only, completed over several sessions, then
/// submitted to the correspondents of a partner country (or the administrators), whose approval creates and publishes the record
/// (<see cref="ReviewQueue.ApproveAsync"/>) and whose sending back returns it to its author to correct. Its author may delete it
/// until it is approved. Nothing of it is public before: the projects and partnerships tables hold no unpublished row. A
/// correspondent's or an administrator's new record is published at once by <see cref="ProjectEditing.CreateAsync"/> or
/// <see cref="PartnershipEditing.CreateAsync"/> and never passes here. What differs by kind is only where the draft belongs
/// (a partnership of the author's scope; authorities one of which is of their scope) and the rules its submission is checked by.
/// </summary>
public sealed class Drafts(AtlasDbContext db, EditingScope scope, ProjectEditing projects, PartnershipEditing partnerships, TimeProvider clock, ReviewMail reviewMail)
{
    /// <summary>How many drafts an author may keep open at once: a bound on what one account can store unreviewed.</summary>
    public const int MaxOpenDrafts = 50;

    /// <summary>Whether <paramref name="editor"/> declares new projects and partnerships as drafts rather than publishing them.</summary>
    public static bool DeclaresDrafts(Editor? editor) => editor?.Role == EditorRole.AuthorityEditor;

    /// <summary>The page of a declared record's draft: its form.</summary>
    public static string PathOf(PendingChangeKind kind, long draftId) => kind == PendingChangeKind.NewPartnership
        ? FormattableString.Invariant($"/partenariats/brouillons/{draftId}")
        : FormattableString.Invariant($"/projets/brouillons/{draftId}");

    /// <summary>
    /// Saves a new project's draft in <paramref name="partnershipId"/> (<paramref name="draftId"/> null) or the author's draft
    /// <paramref name="draftId"/>: Saved with the draft's id, or Invalid (a draft needs a title, to be found again), Forbidden
    /// (not an authority editor, partnership out of scope, someone else's draft), NotFound, Conflict (not the author's to change
    /// any more). The other rules are checked when it is submitted, so that a draft can be saved incomplete.
    /// </summary>
    public Task<DraftResult> SaveProjectAsync(Editor editor, long? draftId, int partnershipId, ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return SaveAsync(editor, draftId, PendingChangeKind.NewProject, values.Title, ProjectValidator.MaxTitleLength, "au projet", async draft =>
        {
            var partnership = draft?.PartnershipId ?? partnershipId;
            if (draft is null && !await db.Partnerships.AnyAsync(p => p.Id == partnership, ct).ConfigureAwait(false)) return new EditResult.NotFound();
            return await scope.MayCreateProjectInAsync(editor, partnership, ct).ConfigureAwait(false) ? null : new EditResult.Forbidden();
        }, draft =>
        {
            draft.PartnershipId ??= partnershipId;
            // A new project's lines are all new: an id sent with one (by a tampered form) would name another project's line.
            foreach (var funding in values.Fundings) funding.Id = null;
            foreach (var participant in values.Participants ?? []) participant.Id = null;
            foreach (var volunteer in values.Volunteers ?? []) volunteer.Id = null;
            foreach (var contact in values.Contacts ?? []) contact.Id = null;
            draft.Values = values;
        }, ct);
    }

    /// <summary>
    /// Saves a new partnership's draft (<paramref name="draftId"/> null) or the author's draft <paramref name="draftId"/>, as
    /// <see cref="SaveProjectAsync"/> does; Forbidden also when none of its authorities is the author's own, as a new
    /// partnership's creation is: the draft is theirs to declare, and its authorities say who reviews it.
    /// </summary>
    public Task<DraftResult> SavePartnershipAsync(Editor editor, long? draftId, PartnershipValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var ids = values.AuthorityIds.Distinct().Order().ToArray();
        return SaveAsync(editor, draftId, PendingChangeKind.NewPartnership, values.Title, PartnershipValidator.MaxTitleLength, "au partenariat", async _ =>
            await scope.Authorities(editor).AnyAsync(a => ids.Contains(a.Id), ct).ConfigureAwait(false) ? null : new EditResult.Forbidden(),
            draft =>
            {
                // A new partnership's contacts are all new, as a new project's lines.
                foreach (var contact in values.Contacts ?? []) contact.Id = null;
                draft.PartnershipValues = values;
                draft.AuthorityIds = ids;
            }, ct);
    }

    /// <summary>
    /// Submits the author's draft for review, checked by every rule of a new record of its kind (<see cref="ProjectEditing.CheckNewAsync"/>,
    /// <see cref="PartnershipEditing.CheckNewAsync"/>): Saved (the reviewers are mailed), Invalid with the fields to correct,
    /// Forbidden, NotFound, or Conflict when it is not a draft any more (already submitted or decided).
    /// </summary>
    public async Task<EditResult> SubmitAsync(Editor editor, long draftId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var draft = await Declarations().AsNoTracking().SingleOrDefaultAsync(c => c.Id == draftId, ct).ConfigureAwait(false);
        if (draft is null) return new EditResult.NotFound();
        if (!DeclaresDrafts(editor) || draft.SubmittedById != editor.UserId) return new EditResult.Forbidden();
        if (!draft.Status.IsEditableDraft()) return new EditResult.Conflict(0, []);
        var refused = draft.Kind == PendingChangeKind.NewPartnership
            ? await partnerships.CheckNewAsync(editor, draft.PartnershipValues!, ct).ConfigureAwait(false)
            : await projects.CheckNewAsync(editor, draft.PartnershipId!.Value, draft.Values!, ct).ConfigureAwait(false);
        if (refused is not null) return refused;

        var at = clock.GetUtcNow();
        // Only a draft still in its author's hands is submitted: of two submissions at once, one is.
        var submitted = await db.PendingChanges.Where(c => c.Id == draftId && (c.Status == PendingChangeStatus.Draft || c.Status == PendingChangeStatus.SentBack))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, PendingChangeStatus.Pending).SetProperty(c => c.SubmittedAt, at), ct).ConfigureAwait(false);
        if (submitted == 0) return new EditResult.Conflict(0, []);
        await reviewMail.SubmittedAsync(draftId, ct).ConfigureAwait(false);
        return new EditResult.Saved(0);
    }

    /// <summary>
    /// Deletes the author's draft, submitted or not, while it is not approved: Saved, NotFound, Forbidden (someone else's), or
    /// Conflict once approved (it is the published record then, deleted as records are). It leaves the review queue with it.
    /// </summary>
    public async Task<EditResult> DeleteAsync(Editor editor, long draftId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var author = await Declarations().Where(c => c.Id == draftId).Select(c => new { c.SubmittedById }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (author is null) return new EditResult.NotFound();
        if (!DeclaresDrafts(editor) || author.SubmittedById != editor.UserId) return new EditResult.Forbidden();
        // A reviewer approving it at the same time: of the two, the first one stands.
        var deleted = await db.PendingChanges.Where(c => c.Id == draftId && c.Status != PendingChangeStatus.Approved).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        return deleted == 0 ? new EditResult.Conflict(0, []) : new EditResult.Saved(0);
    }

    /// <summary>The author's draft <paramref name="draftId"/>, of either kind; null when there is none, or it is someone else's.</summary>
    public async Task<Draft?> FindAsync(Editor editor, long draftId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return (await DraftsAsync(Declarations().Where(c => c.Id == draftId && c.SubmittedById == editor.UserId), ct).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Whether a declared record's draft <paramref name="draftId"/> exists, whoever's it is: someone else's is refused rather than not found.</summary>
    public Task<bool> ExistsAsync(long draftId, CancellationToken ct = default) => Declarations().AnyAsync(c => c.Id == draftId, ct);

    /// <summary>The new projects and partnerships <paramref name="editor"/> declared, the last saved first: those still to finish or correct, then submitted, then approved.</summary>
    public async Task<IReadOnlyList<Draft>> OfAuthorAsync(Editor editor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!DeclaresDrafts(editor)) return [];
        var drafts = await DraftsAsync(Declarations().Where(c => c.SubmittedById == editor.UserId), ct).ConfigureAwait(false);
        return drafts.OrderBy(d => d.IsEditable ? 0 : d.Status == PendingChangeStatus.Pending ? 1 : 2).ThenByDescending(d => d.SavedAt).ThenByDescending(d => d.Id).ToList();
    }

    /// <summary>The names of the authorities and organisations a project draft's lines name, for its form (a draft holds ids only).</summary>
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

    /// <summary>The declared records, drafts or decided, of both kinds: not the changes of published projects.</summary>
    private IQueryable<PendingChange> Declarations() => db.PendingChanges.Where(c => c.Kind != PendingChangeKind.ProjectChange);

    /// <summary>What the kinds share: the author, the draft's state, its title, how many drafts one author may keep.</summary>
    private async Task<DraftResult> SaveAsync(Editor editor, long? draftId, PendingChangeKind kind, string? title, int maxTitleLength, string toRecord,
        Func<PendingChange?, Task<EditResult?>> refusedWhere, Action<PendingChange> apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!DeclaresDrafts(editor)) return new DraftResult(new EditResult.Forbidden(), draftId);
        PendingChange? draft = null;
        if (draftId is { } id)
        {
            draft = await db.PendingChanges.SingleOrDefaultAsync(c => c.Id == id && c.Kind == kind, ct).ConfigureAwait(false);
            if (draft is null) return new DraftResult(new EditResult.NotFound(), draftId);
            if (draft.SubmittedById != editor.UserId) return new DraftResult(new EditResult.Forbidden(), draftId);
            if (!draft.Status.IsEditableDraft()) return new DraftResult(new EditResult.Conflict(0, []), draftId);
        }
        if (await refusedWhere(draft).ConfigureAwait(false) is { } refused) return new DraftResult(refused, draftId);
        if (string.IsNullOrWhiteSpace(title))
            return new DraftResult(EditResult.Invalid.Of("Title", "title_required", $"Donnez un titre {toRecord} pour enregistrer son brouillon."), draftId);
        if (title.Trim().Length > maxTitleLength)
            return new DraftResult(EditResult.Invalid.Of("Title", "too_long", $"Le titre ne peut dépasser {maxTitleLength} caractères."), draftId);

        if (draft is null)
        {
            var open = await Declarations().CountAsync(c => c.SubmittedById == editor.UserId && c.Status != PendingChangeStatus.Approved, ct).ConfigureAwait(false);
            if (open >= MaxOpenDrafts)
                return new DraftResult(EditResult.Invalid.Of("", "too_many_drafts",
                    $"Vous avez déjà {MaxOpenDrafts} déclarations en cours : soumettez-en ou supprimez-en avant d’en commencer une autre."), null);
            draft = new PendingChange { Kind = kind, SubmittedById = editor.UserId, SubmittedByName = editor.Name, Status = PendingChangeStatus.Draft };
            db.PendingChanges.Add(draft);
        }
        apply(draft);
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

    private async Task<List<Draft>> DraftsAsync(IQueryable<PendingChange> changes, CancellationToken ct)
    {
        var rows = await changes.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var partnershipIds = rows.Where(r => r.Kind == PendingChangeKind.NewProject).Select(r => r.PartnershipId!.Value).Distinct().ToList();
        var titles = partnershipIds.Count == 0 ? [] : await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title, ct).ConfigureAwait(false);
        return rows.Select(Draft (c) => c.Kind == PendingChangeKind.NewPartnership
                ? new PartnershipDraft(c.Id, c.Status, c.SubmittedAt, c.ReviewerName, c.Comment, c.PartnershipId, c.PartnershipValues!)
                : new ProjectDraft(c.Id, c.PartnershipId!.Value, titles.GetValueOrDefault(c.PartnershipId.Value, ""), c.Status, c.SubmittedAt,
                    c.ReviewerName, c.Comment, c.ProjectId, c.Values!))
            // A project's draft whose partnership is not live (in the bin, or removed) is left out of the list until the
            // partnership is restored: it could be neither completed nor approved meanwhile.
            .Where(d => d is not ProjectDraft p || titles.ContainsKey(p.PartnershipId)).ToList();
    }
}
