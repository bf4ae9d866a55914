using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Atlas.Core.Editing;

/// <summary>The history of records, newest first, and their values at any two points of it.</summary>
public sealed class ChangeHistoryQuery(AtlasDbContext db)
{
    private static readonly string ProjectType = RecordedTypes.NameOf<Project>();

    /// <summary>The changes of one record, newest first.</summary>
    public Task<List<ChangeRecord>> OfRecordAsync(string entityType, string entityId, CancellationToken ct = default) =>
        db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == entityType && r.EntityId == entityId)
            .OrderByDescending(r => r.Id)
            .ToListAsync(ct);

    /// <summary>The changes of a project and of everything that belongs to it (funding lines, themes, participants…), newest first.</summary>
    public Task<List<ChangeRecord>> OfProjectAsync(int projectId, CancellationToken ct = default) =>
        db.ChangeRecords.AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.Id)
            .ToListAsync(ct);

    /// <summary>
    /// What was changed in a project and its records since the project was at <paramref name="version"/>, oldest first; empty
    /// when no recorded change starts from that version (it predates the history, or was never the project's).
    /// </summary>
    public async Task<IReadOnlyList<ChangedField>> SinceProjectVersionAsync(int projectId, uint version, CancellationToken ct = default)
    {
        var id = projectId.ToString(CultureInfo.InvariantCulture);
        if (await FirstFromAsync(ProjectType, id, version, ct).ConfigureAwait(false) is not { } first) return [];
        return Fields(await db.ChangeRecords.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Id >= first)
            .OrderBy(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false));
    }

    /// <summary>What was changed in one record (not a project's children) since it was at <paramref name="version"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChangedField>> SinceVersionAsync(string entityType, string entityId, uint version, CancellationToken ct = default)
    {
        if (await FirstFromAsync(entityType, entityId, version, ct).ConfigureAwait(false) is not { } first) return [];
        return Fields(await db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == entityType && r.EntityId == entityId && r.Id >= first)
            .OrderBy(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false));
    }

    /// <summary>
    /// What was changed in one record and in its link records (keyed "{id}/…", e.g. a partnership's authorities and themes) since
    /// the record was at <paramref name="version"/>, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ChangedField>> SinceVersionWithLinksAsync(string entityType, string entityId, uint version,
        IReadOnlyCollection<string> linkTypes, CancellationToken ct = default)
    {
        if (await FirstFromAsync(entityType, entityId, version, ct).ConfigureAwait(false) is not { } first) return [];
        var linkKey = entityId + "/%";
        return Fields(await db.ChangeRecords.AsNoTracking()
            .Where(r => r.Id >= first && (r.EntityType == entityType && r.EntityId == entityId
                || linkTypes.Contains(r.EntityType) && EF.Functions.Like(r.EntityId, linkKey)))
            .OrderBy(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false));
    }

    /// <summary>
    /// What was changed in one record since it was at <paramref name="version"/>, with the changes of the records that are saved
    /// with it (its contacts…) that <paramref name="isPart"/> recognises, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ChangedField>> SinceVersionAsync(string entityType, string entityId, uint version, Func<ChangeRecord, bool> isPart, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(isPart);
        if (await FirstFromAsync(entityType, entityId, version, ct).ConfigureAwait(false) is not { } first) return [];
        // Every change since then, which is few: a conflict is told just after the save it collided with.
        var since = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.Id >= first)
            .OrderBy(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false);
        return Fields(since.Where(r => r.EntityType == entityType && r.EntityId == entityId || isPart(r)));
    }

    // The first change made from that version: the other person's save that the stale one collided with.
    private Task<long?> FirstFromAsync(string entityType, string entityId, uint version, CancellationToken ct) =>
        db.ChangeRecords
            .Where(r => r.EntityType == entityType && r.EntityId == entityId && r.FromVersion == version)
            .OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    private static List<ChangedField> Fields(IEnumerable<ChangeRecord> records) => records
        .SelectMany(r => r.Action == ChangeAction.Updated
            ? r.Changes.Select(c => new ChangedField(r.EntityType, r.EntityId, r.Action, c.Field, c.Old, c.New, r.UserName, r.At))
            : [new ChangedField(r.EntityType, r.EntityId, r.Action, null, null, null, r.UserName, r.At)])
        .ToList();

    /// <summary>
    /// A record's values just after the change <paramref name="afterChange"/> of its history (0: before its first recorded change;
    /// null: now). They are the record's present values with every later change undone, so that records loaded before the
    /// history began compare too.
    /// </summary>
    public async Task<RecordVersion?> ValuesAsync(string entityType, string entityId, long? afterChange, CancellationToken ct = default)
    {
        if (RecordedTypes.TypeOf(entityType) is not { } type || db.Model.FindEntityType(type) is not { } model) return null;
        var key = model.FindPrimaryKey()!.Properties;
        var parts = entityId.Split('/');
        if (parts.Length != key.Count) return null;
        object?[] keyValues;
        try
        {
            keyValues = key.Select((p, i) => (object?)Convert.ChangeType(parts[i], p.ClrType, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        // A deleted record is still stored, hidden: its values are where its history starts from.
        var entity = await StoredAsync(type, key, keyValues, ct).ConfigureAwait(false);
        var exists = entity is not null;
        if (entity is not null)
        {
            // The values as stored: a record this context is changing shows what the database holds.
            var entry = db.Entry(entity);
            foreach (var property in RecordedTypes.Fields(model))
                values[RecordedTypes.FieldName(property)] = RecordedTypes.Text(entry.Property(property.Name).OriginalValue);
            if (entity is ISoftDeletable) exists = entry.Property(nameof(ISoftDeletable.DeletedAt)).OriginalValue is null;
            if (!tracked.Contains(entity)) entry.State = EntityState.Detached;
        }

        if (afterChange is { } point)
        {
            var later = await db.ChangeRecords.AsNoTracking()
                .Where(r => r.EntityType == entityType && r.EntityId == entityId && r.Id > point)
                .OrderByDescending(r => r.Id)
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var change in later)
            {
                foreach (var field in change.Changes) values[field.Field] = field.Old;
                exists = change.Action switch
                {
                    ChangeAction.Created or ChangeAction.Restored => false,
                    ChangeAction.Deleted => true,
                    _ => exists,
                };
            }
        }
        if (!exists) values.Clear();
        return new RecordVersion(exists, values);
    }

    /// <summary>The stored record with this key, deleted or not (a tracked one as tracked).</summary>
    private Task<object?> StoredAsync(Type type, IReadOnlyList<IProperty> key, object?[] keyValues, CancellationToken ct) =>
        (Task<object?>)GetType().GetMethod(nameof(StoredOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, [key, keyValues, ct])!;

    private async Task<object?> StoredOfAsync<T>(IReadOnlyList<IProperty> key, object?[] keyValues, CancellationToken ct) where T : class
    {
        var record = Expression.Parameter(typeof(T), "record");
        var match = key.Select((p, i) => Expression.Equal(Expression.Property(record, p.Name), Expression.Constant(keyValues[i], p.ClrType)))
            .Aggregate(Expression.AndAlso);
        return await db.Set<T>().IgnoreQueryFilters().SingleOrDefaultAsync(Expression.Lambda<Func<T, bool>>(match, record), ct).ConfigureAwait(false);
    }

    /// <summary>The fields that differ between two points of a record's history (see <see cref="ValuesAsync"/>).</summary>
    public async Task<IReadOnlyList<FieldDifference>?> CompareAsync(string entityType, string entityId, long? fromChange, long? toChange, CancellationToken ct = default)
    {
        var before = await ValuesAsync(entityType, entityId, fromChange, ct).ConfigureAwait(false);
        var after = await ValuesAsync(entityType, entityId, toChange, ct).ConfigureAwait(false);
        if (before is null || after is null) return null;
        return before.Values.Keys.Union(after.Values.Keys, StringComparer.Ordinal)
            .Select(f => new FieldDifference(f, before.Values.GetValueOrDefault(f), after.Values.GetValueOrDefault(f)))
            .Where(d => d.Before != d.After)
            .ToList();
    }
}
