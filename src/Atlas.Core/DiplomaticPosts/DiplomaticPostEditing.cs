namespace Atlas.Core.DiplomaticPosts;

/// <summary>
/// Edits a diplomatic post (name, city, the countries it covers) and its contacts: an administrator any post, a correspondent
/// their own post's name, city and contacts — its countries define the correspondents' scope, so only an administrator changes
/// them. By the rules, from the version the editor loaded, with its history recorded, as for authorities.
/// </summary>
public sealed class DiplomaticPostEditing(AtlasDbContext db, EditingScope scope, ReferenceCatalog catalog, ChangeHistoryQuery history, TimeProvider clock)
{
    private static readonly string PostType = RecordedTypes.NameOf<DiplomaticPost>();
    private static readonly string PostCountryType = RecordedTypes.NameOf<DiplomaticPostCountry>();
    private const string ContactOwnerField = "diplomaticPostId";

    public Task<EditResult> SaveAsync(Editor editor, int postId, uint version, DiplomaticPostValues values, CancellationToken ct = default) =>
        db.WriteAsync(editor, values, () => SaveInTransactionAsync(editor, postId, version, values, ct));

    /// <summary>Creates a diplomatic post with the countries it covers and its contacts: administrators only, by the same rules.</summary>
    public Task<EditResult> CreateAsync(Editor editor, DiplomaticPostValues values, CancellationToken ct = default) => db.WriteAsync<EditResult>(editor, values, async () =>
    {
        if (editor.Role != EditorRole.Administrator) return new EditResult.Forbidden();
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        values.Countries = DiplomaticPostValues.CountryCodes(values.Countries ?? []);
        var submitted = values.Countries;
        var coveredElsewhere = await db.DiplomaticPostCountries.Where(pc => submitted.Contains(pc.CountryCode))
            .Select(pc => new { pc.CountryCode, pc.DiplomaticPost!.Name })
            .ToDictionaryAsync(pc => pc.CountryCode, pc => pc.Name, ct).ConfigureAwait(false);
        var validation = await new DiplomaticPostValidator(reference, coveredElsewhere, [], mayChangeCountries: true).ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);
        if (ContactLines.ForeignLine(values.Contacts, []) is { } foreign) return ContactLines.Foreign(foreign);

        var post = new DiplomaticPost { Name = values.Name!.Trim(), City = EditingRules.Trimmed(values.City), UpdatedAt = clock.GetUtcNow() };
        db.DiplomaticPosts.Add(post);
        ApplyCountries(post, values.Countries);
        ContactLines.Apply(post.Contacts, values.Contacts, () => new Contact(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return CountryTaken();
        }
        return new EditResult.Created(post.Id, await CurrentVersionAsync(post.Id, ct).ConfigureAwait(false));
    });

    /// <summary>Another post took one of these countries between the check and this save (only the posts' own rows are locked).</summary>
    private static EditResult.Invalid CountryTaken() => EditResult.Invalid.Of(nameof(DiplomaticPostValues.Countries), "country_taken",
        "Un de ces pays vient d'être rattaché à un autre poste : rechargez la page.");

    private async Task<EditResult> SaveInTransactionAsync(Editor editor, int postId, uint version, DiplomaticPostValues values, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        if (values.Countries is not null) values.Countries = DiplomaticPostValues.CountryCodes(values.Countries);

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // As for projects and authorities: edits of one post queue up on its row rather than deadlock on the other rows they write.
        var locked = await db.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM diplomatic_posts WHERE id = {postId} FOR UPDATE")
            .ToListAsync(ct).ConfigureAwait(false);
        if (locked.Count == 0) return new EditResult.NotFound();
        if (!await scope.MayEditDiplomaticPostAsync(editor, postId, ct).ConfigureAwait(false)) return new EditResult.Forbidden();

        var post = await db.DiplomaticPosts.AsSplitQuery().Include(p => p.Countries).Include(p => p.Contacts)
            .SingleAsync(p => p.Id == postId, ct).ConfigureAwait(false);
        var submitted = values.Countries ?? [];
        var coveredElsewhere = await db.DiplomaticPostCountries
            .Where(pc => pc.DiplomaticPostId != postId && submitted.Contains(pc.CountryCode))
            .Select(pc => new { pc.CountryCode, pc.DiplomaticPost!.Name })
            .ToDictionaryAsync(pc => pc.CountryCode, pc => pc.Name, ct).ConfigureAwait(false);
        var validator = new DiplomaticPostValidator(reference, coveredElsewhere, post.Countries.Select(c => c.CountryCode).ToList(),
            mayChangeCountries: editor.Role == EditorRole.Administrator);
        var validation = await validator.ValidateAsync(values, ct).ConfigureAwait(false);
        if (!validation.IsValid) return EditResult.Invalid.Of(validation.Errors);

        var stored = post.Version;
        if (ContactLines.ForeignLine(values.Contacts, post.Contacts) is { } foreign)
        {
            // From an older version, the contact may be one that someone else has removed since.
            return stored == version ? ContactLines.Foreign(foreign) : await ConflictAsync(postId, version, ct).ConfigureAwait(false);
        }

        // The save is checked against the version the editor loaded, not the one just read.
        post.Version = version;
        db.Entry(post).Property(p => p.Version).OriginalValue = version;
        post.Name = values.Name!.Trim();
        post.City = EditingRules.Trimmed(values.City);
        if (values.Countries is { } countries) ApplyCountries(post, countries);
        ContactLines.Apply(post.Contacts, values.Contacts, () => new Contact { DiplomaticPostId = postId }, clock.GetUtcNow());
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
            return stored == version ? new EditResult.Saved(stored) : await ConflictAsync(postId, version, ct).ConfigureAwait(false);

        post.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return await ConflictAsync(postId, version, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            await transaction.RollbackAsync(ct).ConfigureAwait(false);
            return CountryTaken();
        }
        var saved = await CurrentVersionAsync(postId, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return new EditResult.Saved(saved);
    }

    private void ApplyCountries(DiplomaticPost post, List<string> countries)
    {
        var wanted = countries.ToHashSet(StringComparer.Ordinal);
        foreach (var removed in post.Countries.Where(c => !wanted.Remove(c.CountryCode)).ToList())
        {
            post.Countries.Remove(removed);
            db.DiplomaticPostCountries.Remove(removed);
        }
        foreach (var code in countries.Where(wanted.Contains))
            post.Countries.Add(new DiplomaticPostCountry { DiplomaticPostId = post.Id, CountryCode = code });
    }

    private async Task<EditResult> ConflictAsync(int postId, uint version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Deleted ones too: their removal is a change to tell.
        var contacts = await db.Contacts.IgnoreQueryFilters().Where(c => c.DiplomaticPostId == postId).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        var isContact = ContactLines.InHistory(ContactOwnerField, postId, contacts);
        var countryPrefix = postId.ToString(CultureInfo.InvariantCulture) + "/";
        var changes = await history.SinceVersionAsync(PostType, postId.ToString(CultureInfo.InvariantCulture), version,
            r => isContact(r) || r.EntityType == PostCountryType && r.EntityId.StartsWith(countryPrefix, StringComparison.Ordinal), ct).ConfigureAwait(false);
        return new EditResult.Conflict(await CurrentVersionAsync(postId, ct).ConfigureAwait(false), changes);
    }

    private Task<uint> CurrentVersionAsync(int postId, CancellationToken ct) =>
        db.DiplomaticPosts.Where(p => p.Id == postId).Select(p => p.Version).SingleAsync(ct);
}
