using System.Data;
using System.Diagnostics;
using Atlas.Core.Data.Infrastructure;
using Microsoft.Extensions.Options;

namespace Atlas.Core.Figures;

/// <summary>
/// The atlas's whole-table counts, read from one row of aggregate_snapshots that every web instance shares instead of
/// scanning the projects on each request. The row is fresh while it was computed from the current data version
/// (data_versions, moved by triggers on any write). A stale row is still returned, and recomputed in the background;
/// with no row at all (a new database), the counts are computed, stored and returned at once. A session advisory lock
/// lets one instance compute at a time; the others wait for it, then find the row fresh and compute nothing.
/// </summary>
public sealed partial class CountSnapshots(
    AtlasDbContext db, ReferenceCatalog catalog, CountSnapshotRefresher refresher, CountFreshness freshness,
    CountSnapshotCache cache, IOptions<SnapshotOptions> options, ILogger<CountSnapshots> logger)
{
    /// <summary>The payload's shape is part of the key: a release that changes it starts from a row of its own instead of misreading an older one.</summary>
    public const string Key = "atlas-counts/6";
    internal const long AdvisoryLockKey = 0x41544C4153 + 2; // next to SchemaMigrator's and DemoDataLoader's
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The counts of the current data version, or those of an older one while the new ones are being computed.</summary>
    public async Task<AtlasCounts> GetAsync(CancellationToken ct = default)
    {
        var stored = await ReadAsync(ct).ConfigureAwait(false);
        // On a read-only connection (a replica) nothing can be stored: the refresh is always left to the background, on the
        // primary (the refresher's scope belongs to no request), and the replica replays its row within milliseconds.
        var readOnly = ReadOnlyConnection.Is(db.Database.GetConnectionString());
        if (stored.Counts is { } counts)
        {
            if (stored.Fresh) return counts;
            if (options.Value.RefreshInBackground || readOnly)
            {
                freshness.Stale = true;
                refresher.Request();
                return counts;
            }
        }
        if (readOnly)
        {
            // No row yet (a new database): computed for this request only.
            freshness.Stale = true;
            refresher.Request();
            return await AtlasCounts.ComputeAsync(db, await catalog.GetAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        }
        return await RefreshAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Makes the stored counts those of the current data version (computing them only if no other instance just did) and returns them.</summary>
    public async Task<AtlasCounts> RefreshAsync(CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            // Taken before the transaction begins, so that its snapshot sees what the previous holder stored.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", ct).ConfigureAwait(false);
            try
            {
                // One repeatable-read snapshot: the data version stored with the counts is exactly the one they were read at.
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
                var stored = await ReadAsync(ct).ConfigureAwait(false);
                if (stored is { Counts: { } current, Fresh: true }) return current;

                var started = Stopwatch.GetTimestamp();
                // Whole-table passes, once per data version and off the request path: at scale 100 their DISTINCTs spilled
                // to disk with a request's work_mem (40 s in all), and one took most of a request's command timeout.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", ct).ConfigureAwait(false);
                var timeout = db.Database.GetCommandTimeout();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                AtlasCounts counts;
                try
                {
                    counts = await AtlasCounts.ComputeAsync(db, reference, ct).ConfigureAwait(false);
                }
                finally
                {
                    db.Database.SetCommandTimeout(timeout);
                }
                var payload = JsonSerializer.Serialize(counts, Json);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO aggregate_snapshots (key, data_changed_at, computed_at, payload)
                    VALUES ({Key}, {stored.CurrentVersion}, clock_timestamp(), {payload}::jsonb)
                    ON CONFLICT (key) DO UPDATE SET data_changed_at = excluded.data_changed_at, computed_at = excluded.computed_at, payload = excluded.payload
                    WHERE aggregate_snapshots.data_changed_at <= excluded.data_changed_at
                    """, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                cache.Keep(stored.CurrentVersion, counts);
                refresher.Computed();
                LogComputed(logger, stored.CurrentVersion, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return counts;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stored> ReadAsync(CancellationToken ct)
    {
        // One command: the current data version and the stored row's, with its payload only when this instance has not
        // parsed that version yet (CountSnapshotCache).
        var kept = cache.Current;
        var keptAt = kept?.DataChangedAt;
        var row = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId)
            .Select(v => new
            {
                v.ChangedAt,
                Snapshot = db.AggregateSnapshots.Where(s => s.Key == Key)
                    .Select(s => new { s.DataChangedAt, Payload = s.DataChangedAt == keptAt ? null : s.Payload }).FirstOrDefault(),
            })
            .SingleAsync(ct).ConfigureAwait(false);
        AtlasCounts? counts = null;
        if (row.Snapshot is { } s)
        {
            if (s.Payload is null && kept is not null && kept.DataChangedAt == s.DataChangedAt) counts = kept.Counts;
            else if (s.Payload is not null && Read(s.Payload) is { } read)
            {
                counts = read;
                cache.Keep(s.DataChangedAt, read);
            }
        }
        return new Stored(row.ChangedAt, counts, counts is not null && row.Snapshot?.DataChangedAt == row.ChangedAt);
    }

    private AtlasCounts? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<AtlasCounts>(payload, Json);
        }
        catch (JsonException e)
        {
            // Recomputed as if there were no row: the next store replaces it.
            LogUnreadable(logger, e);
            return null;
        }
    }

    /// <param name="CurrentVersion">The data version now (data_versions.changed_at).</param>
    /// <param name="Fresh">The stored counts were computed at <paramref name="CurrentVersion"/>.</param>
    private sealed record Stored(DateTimeOffset CurrentVersion, AtlasCounts? Counts, bool Fresh);

    [LoggerMessage(Level = LogLevel.Information, Message = "Computed the atlas counts of the data changed at {DataChangedAt:O} in {Milliseconds:F0} ms")]
    private static partial void LogComputed(ILogger logger, DateTimeOffset dataChangedAt, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored atlas counts could not be read; computing them again")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
