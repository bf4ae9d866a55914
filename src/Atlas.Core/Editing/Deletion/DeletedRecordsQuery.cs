namespace Atlas.Core.Editing.Deletion;

/// <summary>Names records for deletion, and lists the deleted ones an administrator may restore.</summary>
public sealed class DeletedRecordsQuery(AtlasDbContext db)
{
    /// <summary>The most recent deletions listed by the bin.</summary>
    public const int Limit = 500;

    /// <summary>A record that is part of the atlas, or null.</summary>
    public async Task<RecordTitle?> LiveAsync(RecordKind kind, int id, CancellationToken ct = default) => kind switch
    {
        RecordKind.Project => await db.Projects.Where(r => r.Id == id).Select(r => new RecordTitle(r.Title, r.Version)).SingleOrDefaultAsync(ct).ConfigureAwait(false),
        RecordKind.Partnership => await db.Partnerships.Where(r => r.Id == id).Select(r => new RecordTitle(r.Title, r.Version)).SingleOrDefaultAsync(ct).ConfigureAwait(false),
        RecordKind.Authority => await db.LocalAuthorities.Where(r => r.Id == id).Select(r => new RecordTitle(r.Name, r.Version)).SingleOrDefaultAsync(ct).ConfigureAwait(false),
        RecordKind.Organisation => await db.Organisations.Where(r => r.Id == id).Select(r => new RecordTitle(r.Name, r.Version)).SingleOrDefaultAsync(ct).ConfigureAwait(false),
        RecordKind.DiplomaticPost => await db.DiplomaticPosts.Where(r => r.Id == id).Select(r => new RecordTitle(r.Name, r.Version)).SingleOrDefaultAsync(ct).ConfigureAwait(false),
        _ => null,
    };

    /// <summary>
    /// The deleted records, the latest first. Lines deleted with their record (same date) are not listed apart: they come back
    /// with it.
    /// </summary>
    public async Task<IReadOnlyList<DeletedRecord>> ListAsync(CancellationToken ct = default)
    {
        var records = new List<DeletedRecord>();
        records.AddRange(await db.Projects.IgnoreQueryFilters().Where(r => r.DeletedAt != null)
            .Select(r => new DeletedRecord(RecordKind.Project, r.Id, r.Title, r.Partnership!.Title, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.Partnerships.IgnoreQueryFilters().Where(r => r.DeletedAt != null)
            .Select(r => new DeletedRecord(RecordKind.Partnership, r.Id, r.Title, null, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.LocalAuthorities.IgnoreQueryFilters().Where(r => r.DeletedAt != null)
            .Select(r => new DeletedRecord(RecordKind.Authority, r.Id, r.Name, null, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.Organisations.IgnoreQueryFilters().Where(r => r.DeletedAt != null)
            .Select(r => new DeletedRecord(RecordKind.Organisation, r.Id, r.Name, null, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.DiplomaticPosts.IgnoreQueryFilters().Where(r => r.DeletedAt != null)
            .Select(r => new DeletedRecord(RecordKind.DiplomaticPost, r.Id, r.Name, null, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.Fundings.IgnoreQueryFilters().Where(r => r.DeletedAt != null && r.DeletedAt != r.Project!.DeletedAt)
            .Select(r => new DeletedRecord(RecordKind.Funding, r.Id,
                r.Amount.ToString() + " " + r.CurrencyCode + " — " + (r.FunderAuthority!.Name ?? r.FunderOrganisation!.Name),
                r.Project!.Title, r.DeletedAt!.Value, null)).ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.Volunteers.IgnoreQueryFilters().Where(r => r.DeletedAt != null && r.DeletedAt != r.Project!.DeletedAt)
            .Select(r => new DeletedRecord(RecordKind.Volunteer, r.Id, (r.FirstName + " " + r.LastName).Trim(), r.Project!.Title, r.DeletedAt!.Value, null))
            .ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.ProjectParticipants.IgnoreQueryFilters().Where(r => r.DeletedAt != null && r.DeletedAt != r.Project!.DeletedAt)
            .Select(r => new DeletedRecord(RecordKind.Participant, r.Id, r.LocalAuthority!.Name ?? r.Organisation!.Name, r.Project!.Title, r.DeletedAt!.Value, null))
            .ToListAsync(ct).ConfigureAwait(false));
        records.AddRange(await db.Contacts.IgnoreQueryFilters().Where(r => r.DeletedAt != null
                && r.DeletedAt != r.Project!.DeletedAt && r.DeletedAt != r.Partnership!.DeletedAt && r.DeletedAt != r.LocalAuthority!.DeletedAt
                && r.DeletedAt != r.Organisation!.DeletedAt && r.DeletedAt != r.DiplomaticPost!.DeletedAt)
            .Select(r => new DeletedRecord(RecordKind.Contact, r.Id, ((r.FirstName ?? "") + " " + (r.LastName ?? "")).Trim(),
                r.Project!.Title ?? r.Partnership!.Title ?? r.LocalAuthority!.Name ?? r.Organisation!.Name ?? r.DiplomaticPost!.Name, r.DeletedAt!.Value, null))
            .ToListAsync(ct).ConfigureAwait(false));

        var latest = records.OrderByDescending(r => r.DeletedAt).Take(Limit).ToList();
        return await WithAuthorsAsync(latest, ct).ConfigureAwait(false);
    }

    /// <summary>Who deleted each record: the author of its latest deletion in the history.</summary>
    private async Task<IReadOnlyList<DeletedRecord>> WithAuthorsAsync(List<DeletedRecord> records, CancellationToken ct)
    {
        var keys = records.Select(r => RecordKinds.HistoryName(r.Kind) + "/" + r.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var types = records.Select(r => RecordKinds.HistoryName(r.Kind)).Distinct().ToList();
        var ids = records.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var deletions = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.Action == ChangeAction.Deleted && types.Contains(c.EntityType) && ids.Contains(c.EntityId))
            .Select(c => new { c.Id, c.EntityType, c.EntityId, c.UserName })
            .ToListAsync(ct).ConfigureAwait(false);
        var authors = deletions.Where(d => keys.Contains(d.EntityType + "/" + d.EntityId))
            .GroupBy(d => d.EntityType + "/" + d.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Id)!.UserName, StringComparer.Ordinal);
        return records.Select(r => r with { DeletedBy = authors.GetValueOrDefault(RecordKinds.HistoryName(r.Kind) + "/" + r.Id.ToString(CultureInfo.InvariantCulture)) }).ToList();
    }
}
