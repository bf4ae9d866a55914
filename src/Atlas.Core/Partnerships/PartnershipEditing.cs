using Atlas.Core.Editing.Review;

namespace Atlas.Core.Partnerships;

/// <summary>
/// Edits a partnership: its fields, its themes (from the tree) and its authorities (existing ones, by id: at least one French
/// and one foreign). Within the editor's scope — judged on the partnership as stored, and the authorities kept must still give the
/// editor their access — by the rules, from the version the editor loaded, with its history recorded. Its projects' search
/// columns follow a new title, new domains or new authorities, refreshed by the save itself. Every editor's change publishes directly: review applies to projects and to an authority editor's new partnership only.
/// </summary>
public sealed class PartnershipEditing(AtlasDbContext db, EditingScope scope, ChangeHistoryQuery history, ReferenceCatalog catalog, TimeProvider clock)
{
    private static readonly string PartnershipType = RecordedTypes.NameOf<Partnership>();
    private static readonly string[] LinkTypes = [RecordedTypes.NameOf<PartnershipAuthority>(), RecordedTypes.NameOf<PartnershipTheme>()];

    public Task<EditResult> SaveAsync(Editor editor, int partnershipId, uint version, PartnershipValues values, CancellationToken ct = default) =>
        db.WriteAsync(editor, values, () => SaveInTransactionAsync(editor, partnershipId, version, values, ct));

    /// <summary>
    /// Creates a partnership by the same rules as an edit. An editor may create one that takes in an authority of their scope (a
    /// correspondent, one of their post's countries); it is published at once. An authority editor's new partnership is not: it
    /// is declared as a draft and published by a reviewer's approval (<see cref="Drafts"/>), which creates it here as the
    /// reviewer on the author's behalf.
    /// </summary>
    public Task<EditResult> CreateAsync(Editor editor, PartnershipValues values, CancellationToken ct = default) => db.WriteAsync<EditResult>(editor, values, async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (editor is { Role: EditorRole.AuthorityEditor, ProposedBy: null }) return new EditResult.Forbidden();
        if (await RefusedNewAsync(editor, values, ct).ConfigureAwait(false) is { } refused) return refused;

        var partnership = new Partnership { Title = "", UpdatedAt = clock.GetUtcNow(), ConfirmedAt = clock.GetUtcNow() };
        db.Partnerships.Add(partnership);
        Apply(partnership, values);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var version = await CurrentVersionAsync(partnership.Id, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new EditResult.Created(partnership.Id, version);
    });

    /// <summary>
    /// Checks a new partnership as <see cref="CreateAsync"/> would (rules, an authority of the editor's scope, no contact of
    /// another record) and saves nothing: null when it would be created, else why not. A draft is checked so when submitted.
    /// </summary>
    public async Task<EditResult?> CheckNewAsync(Editor editor, PartnershipValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(values);
        return await RefusedNewAsync(editor, values, ct).ConfigureAwait(false);
    }

    private async Task<EditResult?> RefusedNewAsync(Editor editor, PartnershipValues values, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        var ids = values.AuthorityIds.Distinct().ToList();
        var authorities = await db.LocalAuthorities.Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.CountryCode == CountryCodes.France, ct).ConfigureAwait(false);
        var validation = await new PartnershipValidator(reference, authorities, keepsEditorScope: true).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);
        if (!await scope.Authorities(editor).AnyAsync(a => ids.Contains(a.Id), ct).ConfigureAwait(false)) return new EditResult.Forbidden();
        return ContactLines.ForeignLine(values.Contacts, []) is { } foreign ? ContactLines.Foreign(foreign) : null;
    }

    /// <summary>What someone changed in the partnership, its authorities and themes since <paramref name="version"/>.</summary>
    public Task<IReadOnlyList<ChangedField>> ChangesSinceAsync(int partnershipId, uint version, CancellationToken ct = default) =>
        history.SinceVersionWithLinksAsync(PartnershipType, partnershipId.ToString(CultureInfo.InvariantCulture), version, LinkTypes, ct);

    private async Task<EditResult> SaveInTransactionAsync(Editor editor, int partnershipId, uint version, PartnershipValues values, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // As for projects: edits of one partnership queue up on its row rather than deadlock on the other rows they write.
        var locked = await db.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM partnerships WHERE id = {partnershipId} FOR UPDATE")
            .ToListAsync(ct).ConfigureAwait(false);
        if (locked.Count == 0) return new EditResult.NotFound();
        if (!await scope.MayEditPartnershipAsync(editor, partnershipId, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

        var ids = values.AuthorityIds.Distinct().ToList();
        var authorities = await db.LocalAuthorities.Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.CountryCode == CountryCodes.France, ct).ConfigureAwait(false);
        var keepsScope = await scope.Authorities(editor).AnyAsync(a => ids.Contains(a.Id), ct).ConfigureAwait(false);
        var validation = await new PartnershipValidator(reference, authorities, keepsScope).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);

        var partnership = await db.Partnerships.AsSplitQuery().Include(p => p.Authorities).Include(p => p.Themes).Include(p => p.Contacts)
            .SingleAsync(p => p.Id == partnershipId, ct).ConfigureAwait(false);
        var stored = partnership.Version;
        if (ContactLines.ForeignLine(values.Contacts, partnership.Contacts) is { } foreign)
        {
            // From an older version, the contact may be one that someone else has removed since.
            return stored == version ? ContactLines.Foreign(foreign) : await ConflictAsync(partnershipId, version, ct).ConfigureAwait(false);
        }
        // The save is checked against the version the editor loaded, not the one just read.
        partnership.Version = version;
        db.Entry(partnership).Property(p => p.Version).OriginalValue = version;
        Apply(partnership, values);
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return stored == version ? new EditResult.Saved(stored) : await ConflictAsync(partnershipId, version, ct).ConfigureAwait(false);

        // Also marks the version a change of authorities or themes alone was made from.
        partnership.UpdatedAt = clock.GetUtcNow();
        // An edit is a person's confirmation that the record is right (freshness, issue 14).
        partnership.ConfirmedAt = partnership.UpdatedAt;
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return await ConflictAsync(partnershipId, version, ct).ConfigureAwait(false);
        }

        var saved = await CurrentVersionAsync(partnershipId, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new EditResult.Saved(saved);
    }

    private async Task<EditResult> ConflictAsync(int partnershipId, uint version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var changes = await ChangesSinceAsync(partnershipId, version, ct).ConfigureAwait(false);
        return new EditResult.Conflict(await CurrentVersionAsync(partnershipId, ct).ConfigureAwait(false), changes);
    }

    private Task<uint> CurrentVersionAsync(int partnershipId, CancellationToken ct) =>
        db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.Version).SingleAsync(ct);

    private void Apply(Partnership partnership, PartnershipValues values)
    {
        partnership.Title = values.Title!.Trim();
        partnership.LegalFrame = EditingRules.Trimmed(values.LegalFrame);
        partnership.SignedOn = values.SignedOn;
        partnership.SignedYear = values.SignedYear ?? values.SignedOn?.Year;
        partnership.Status = EnumCode<PartnershipStatus>.Parse(values.Status!);
        partnership.History = EditingRules.Trimmed(values.History);
        partnership.Domains = EditingRules.Trimmed(values.Domains);
        ContactLines.Apply(partnership.Contacts, values.Contacts, () => new Contact { PartnershipId = partnership.Id }, clock.GetUtcNow());

        Sync(partnership.Authorities, values.AuthorityIds, a => a.LocalAuthorityId,
            id => new PartnershipAuthority { PartnershipId = partnership.Id, LocalAuthorityId = id }, a => db.PartnershipAuthorities.Remove(a));
        Sync(partnership.Themes, values.ThemeIds, t => t.ThemeId,
            id => new PartnershipTheme { PartnershipId = partnership.Id, ThemeId = id }, t => db.PartnershipThemes.Remove(t));
    }

    /// <summary>Makes the links those of the ids wanted: the others removed, the missing added.</summary>
    private static void Sync<T>(List<T> links, IEnumerable<int> wanted, Func<T, int> id, Func<int, T> link, Action<T> remove)
    {
        var ids = wanted.ToHashSet();
        foreach (var existing in links.Where(l => !ids.Remove(id(l))).ToList())
        {
            links.Remove(existing);
            remove(existing);
        }
        foreach (var added in ids) links.Add(link(added));
    }
}
