using Microsoft.EntityFrameworkCore.Diagnostics;
using NpgsqlTypes;

namespace Atlas.Core.Editing;

/// <summary>
/// Writes a <see cref="ChangeRecord"/> for every recorded record (<see cref="RecordedTypes"/>) that a save adds, changes or
/// deletes, in the save's transaction, whoever the writer is — provided the context has an author (<see cref="AtlasDbContext.Author"/>,
/// set by the editing services around their saves).
/// Writes made without one (the demo loader at start-up; migrations are plain SQL) are not history: a record's history
/// starts with its first edit, and <see cref="ChangeHistoryQuery"/> reads the values before it from the record itself.
/// </summary>
public sealed class ChangeRecorder(TimeProvider clock) : SaveChangesInterceptor
{
    // The records are inserted after the save, in SQL: creations only have their keys then, and a second EF save from
    // inside this one would save again whatever the first was told not to accept.
    private const string InsertSql = """
        INSERT INTO change_records (entity_type, entity_id, project_id, user_id, user_name, approved_by_id, approved_by_name, at, action, from_version, changes)
        SELECT r.entity_type, r.entity_id, r.project_id, @user_id, @user_name, @approved_by_id, @approved_by_name, @at, r.action, r.from_version, r.changes
        FROM unnest(@entity_types, @entity_ids, @project_ids, @actions, @from_versions, @changes) WITH ORDINALITY
             AS r(entity_type, entity_id, project_id, action, from_version, changes, n)
        ORDER BY r.n
        """;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class Pending(Editor editor, DateTimeOffset at, IDbContextTransaction? ownTransaction)
    {
        public Editor Editor { get; } = editor;
        public DateTimeOffset At { get; } = at;
        /// <summary>The transaction begun for the save and its records, when the writer had none.</summary>
        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;
        /// <summary>Creations are described once saved, when their keys exist.</summary>
        public List<EntityEntry> Added { get; } = [];
        public List<ChangeRecord> Records { get; } = [];
    }

    // One interceptor serves every pooled context: what a save is about to record is kept per context.
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await DiscardAsync(eventData.Context).ConfigureAwait(false);
        if (Entries(eventData.Context, out var db) is { Count: > 0 } entries)
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
            Capture(db, entries, own);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Take(eventData.Context)?.OwnTransaction?.Dispose();
        if (Entries(eventData.Context, out var db) is { Count: > 0 } entries)
        {
            Capture(db, entries, db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } pending)
        {
            await using var own = pending.OwnTransaction;
            await using (var command = InsertCommand(eventData.Context!, pending))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (own is not null) await own.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } pending)
        {
            using var own = pending.OwnTransaction;
            using (var command = InsertCommand(eventData.Context!, pending))
            {
                command.ExecuteNonQuery();
            }
            own?.Commit();
        }
        return result;
    }

    // A failed save leaves nothing behind: its own transaction, if any, rolls back as it is disposed.
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        DiscardAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.OwnTransaction?.Dispose();

    // EF reports a concurrency failure here and not to SaveChangesFailed: what that save meant to record must go too,
    // or the pooled context would carry it into its next save.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await DiscardAsync(eventData.Context).ConfigureAwait(false);
        return result;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Take(eventData.Context)?.OwnTransaction?.Dispose();
        return result;
    }

    private async Task DiscardAsync(DbContext? context)
    {
        if (Take(context)?.OwnTransaction is { } own) await own.DisposeAsync().ConfigureAwait(false);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        DiscardAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.OwnTransaction?.Dispose();

    private List<EntityEntry>? Entries(DbContext? context, out AtlasDbContext db)
    {
        db = (context as AtlasDbContext)!;
        if (db?.Author is null) return null;
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && RecordedTypes.NameOf(e.Metadata.ClrType) is not null)
            .ToList();
    }

    private void Capture(AtlasDbContext db, List<EntityEntry> entries, IDbContextTransaction? own)
    {
        var pending = new Pending(db.Author!, clock.GetUtcNow(), own);
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added: pending.Added.Add(entry); break;
                case EntityState.Deleted: pending.Records.Add(Describe(entry, ChangeAction.Deleted)); break;
                default:
                    // A save that touched only unrecorded fields is no change to show, except for a record saved with its
                    // lines (a project, a partnership, an authority, a post): its record, empty then, marks the version its
                    // funding lines, contacts… were changed from (a conflict starts there).
                    if (Describe(entry, SoftDeletion(entry) ?? ChangeAction.Updated) is var record && (record.Changes.Count > 0 || RecordedTypes.HasLines(entry.Metadata.ClrType)))
                        pending.Records.Add(record);
                    break;
            }
        }
        _pending.AddOrUpdate(db, pending);
    }

    private Pending? Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return null;
        _pending.Remove(context);
        return pending;
    }

    private static NpgsqlCommand InsertCommand(DbContext db, Pending pending)
    {
        // A project's (an authority's, a post's) own record first: a conflict reads the changes made since a version from that record on.
        var records = pending.Records.Concat(pending.Added.Select(e => Describe(e, ChangeAction.Created)))
            .OrderBy(r => RecordedTypes.HasLines(RecordedTypes.TypeOf(r.EntityType)) ? 0 : 1).ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var command = new NpgsqlCommand(InsertSql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        // A reviewer publishing a proposed change records it as the proposer's, approved by the reviewer.
        var (author, approver) = pending.Editor.ProposedBy is { } proposer
            ? (proposer, new ChangeProposer(pending.Editor.UserId, pending.Editor.Name))
            : (new ChangeProposer(pending.Editor.UserId, pending.Editor.Name), null);
        command.Parameters.Add(new NpgsqlParameter<int?>("user_id", author.UserId));
        command.Parameters.Add(new NpgsqlParameter<string>("user_name", author.Name));
        command.Parameters.Add(new NpgsqlParameter<int?>("approved_by_id", approver?.UserId));
        command.Parameters.Add(new NpgsqlParameter<string?>("approved_by_name", approver?.Name));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", pending.At));
        command.Parameters.Add(new NpgsqlParameter<string[]>("entity_types", records.Select(r => r.EntityType).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("entity_ids", records.Select(r => r.EntityId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("project_ids", records.Select(r => r.ProjectId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("actions", records.Select(r => EnumCode<ChangeAction>.ToCode(r.Action)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long?[]>("from_versions", records.Select(r => r.FromVersion).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("changes", records.Select(r => JsonSerializer.Serialize(r.Changes, Json)).ToArray())
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        return command;
    }

    /// <summary>A soft-deletable record whose deletion date was set is deleted; one whose date was cleared, restored.</summary>
    private static ChangeAction? SoftDeletion(EntityEntry entry)
    {
        if (entry.Entity is not ISoftDeletable) return null;
        var deleted = entry.Property(nameof(ISoftDeletable.DeletedAt));
        if (!deleted.IsModified) return null;
        return (deleted.OriginalValue, deleted.CurrentValue) switch
        {
            (null, not null) => ChangeAction.Deleted,
            (not null, null) => ChangeAction.Restored,
            _ => null,
        };
    }

    private static ChangeRecord Describe(EntityEntry entry, ChangeAction action)
    {
        var fields = RecordedTypes.Fields(entry.Metadata);
        // Described once saved, a creation's entry is no longer Added; a soft deletion is a modification.
        var changes = (action, entry.State) switch
        {
            (ChangeAction.Created, _) => fields.Select(p => new FieldChange(RecordedTypes.FieldName(p), null, RecordedTypes.Text(entry.Property(p.Name).CurrentValue))),
            (_, EntityState.Deleted) => fields.Select(p => new FieldChange(RecordedTypes.FieldName(p), RecordedTypes.Text(entry.Property(p.Name).OriginalValue), null)),
            _ => fields.Select(p => new FieldChange(RecordedTypes.FieldName(p),
                RecordedTypes.Text(entry.Property(p.Name).OriginalValue), RecordedTypes.Text(entry.Property(p.Name).CurrentValue))),
        };
        var version = entry.Metadata.FindProperty(nameof(Project.Version));
        return new ChangeRecord
        {
            EntityType = RecordedTypes.NameOf(entry.Metadata.ClrType)!,
            EntityId = RecordedTypes.KeyOf(entry),
            ProjectId = RecordedTypes.ProjectOf(entry),
            UserName = "",
            Action = action,
            FromVersion = version is not null && action != ChangeAction.Created ? (uint)entry.Property(version.Name).OriginalValue! : null,
            Changes = changes.Where(c => c.Old != c.New).ToList(),
        };
    }
}
