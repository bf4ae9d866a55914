namespace Atlas.Core.Authorities;

/// <summary>
/// Edits a local authority's own record (name, other names, kind, population, leader, website, French identifiers) and its contacts: within the editor's scope,
/// by the rules, from the version the editor loaded, with its history recorded. A new name reaches the search columns of the
/// projects it takes part in through the save itself (ProjectSearchUpkeep). Every editor's change publishes directly: review applies to projects only.
/// </summary>
public sealed class AuthorityEditing(AtlasDbContext db, EditingScope scope, ChangeHistoryQuery history, TimeProvider clock)
{
    private static readonly string AuthorityType = RecordedTypes.NameOf<LocalAuthority>();
    private const string ContactOwnerField = "localAuthorityId";

    public Task<EditResult> SaveAsync(Editor editor, int authorityId, uint version, AuthorityValues values, CancellationToken ct = default) =>
        db.WriteAsync(editor, values, () => SaveInTransactionAsync(editor, authorityId, version, values, ct));

    private async Task<EditResult> SaveInTransactionAsync(Editor editor, int authorityId, uint version, AuthorityValues values, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // As for projects: edits of one authority queue up on its row rather than deadlock on the other rows they write.
        var locked = await db.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM local_authorities WHERE id = {authorityId} FOR UPDATE")
            .ToListAsync(ct).ConfigureAwait(false);
        if (locked.Count == 0) return new EditResult.NotFound();
        if (!await scope.MayEditAuthorityAsync(editor, authorityId, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

        var authority = await db.LocalAuthorities.SingleAsync(a => a.Id == authorityId, ct).ConfigureAwait(false);
        // Loaded into the tracked authority's Contacts: its own contacts only.
        await OwnContacts(authorityId).LoadAsync(ct).ConfigureAwait(false);
        var validation = await new AuthorityValidator(authority.IsFrench).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);

        var stored = authority.Version;
        if (ContactLines.ForeignLine(values.Contacts, authority.Contacts) is { } foreign)
        {
            // From an older version, the contact may be one that someone else has removed since.
            return stored == version ? ContactLines.Foreign(foreign) : await ConflictAsync(authorityId, version, ct).ConfigureAwait(false);
        }
        // The save is checked against the version the editor loaded, not the one just read.
        authority.Version = version;
        db.Entry(authority).Property(a => a.Version).OriginalValue = version;
        Apply(authority, values);
        ContactLines.Apply(authority.Contacts, values.Contacts, () => new Contact { LocalAuthorityId = authorityId }, clock.GetUtcNow());
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return stored == version ? new EditResult.Saved(stored) : await ConflictAsync(authorityId, version, ct).ConfigureAwait(false);

        authority.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return await ConflictAsync(authorityId, version, ct).ConfigureAwait(false);
        }

        var saved = await CurrentVersionAsync(authorityId, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new EditResult.Saved(saved);
    }

    private async Task<EditResult> ConflictAsync(int authorityId, uint version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Deleted ones too: their removal is a change to tell.
        var contacts = await OwnContacts(authorityId).IgnoreQueryFilters().Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var changes = await history.SinceVersionAsync(AuthorityType, authorityId.ToString(CultureInfo.InvariantCulture), version,
            ContactLines.InHistory(ContactOwnerField, authorityId, contacts), ct).ConfigureAwait(false);
        return new EditResult.Conflict(await CurrentVersionAsync(authorityId, ct).ConfigureAwait(false), changes);
    }

    private IQueryable<Contact> OwnContacts(int authorityId) => db.Contacts.Where(c => c.LocalAuthorityId == authorityId).Where(ContactLines.OfAuthority);

    private Task<uint> CurrentVersionAsync(int authorityId, CancellationToken ct) =>
        db.LocalAuthorities.Where(a => a.Id == authorityId).Select(a => a.Version).SingleAsync(ct);

    /// <summary>An authority's own fields from the values (its place, country and département, is not among them).</summary>
    internal static void Apply(LocalAuthority authority, AuthorityValues values)
    {
        authority.Name = values.Name!.Trim();
        authority.AlternateNames = AuthorityValidator.AlternateNamesOf(values);
        authority.Kind = EnumCode<AuthorityKind>.Parse(values.Kind!);
        authority.Population = values.Population;
        authority.PopulationYear = values.PopulationYear;
        authority.LeaderName = EditingRules.Trimmed(values.LeaderName);
        authority.LeaderTitle = EditingRules.Trimmed(values.LeaderTitle);
        authority.Website = EditingRules.Trimmed(values.Website);
        authority.InseeCode = EditingRules.Trimmed(values.InseeCode);
        authority.Siren = EditingRules.Trimmed(values.Siren);
    }

}
