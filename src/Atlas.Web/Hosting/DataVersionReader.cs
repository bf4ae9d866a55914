namespace Atlas.Web.Hosting;

/// <summary>
/// Reads when the atlas's data last changed (the data_versions row, moved by triggers on every data table). The value is
/// reused for one second: instances may disagree for at most that long, while a busy instance reads it once a second
/// instead of once a request.
/// </summary>
internal sealed class DataVersionReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);
    private Snapshot? _last;
    private long _generation;

    /// <summary>
    /// The data version, and the Last-Modified date that may stand for it: its second, but only once that second had ended
    /// (by the database's clock) when the version was read. Dates have a one-second resolution: a date given out while its
    /// second is still running could be the date of a later edit in the same second too, and a client revalidating with
    /// it (If-Modified-Since) would be told its copy is current. Once the second is over no later edit can carry that date
    /// (an edit's version is the time of its last statement, committed milliseconds later), and until then the ETag alone validates.
    /// </summary>
    public sealed record Reading(DateTimeOffset ChangedAt, DateTimeOffset? LastModified);

    public async Task<DateTimeOffset> ChangedAtAsync(CancellationToken ct) => (await ReadAsync(ct)).ChangedAt;

    public async Task<Reading> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = _last;
        if (last is not null && now - last.ReadAt < ReuseFor) return last.Value;

        // A read that began before a local commit must not store its (possibly older) value after Forget.
        var generation = Interlocked.Read(ref _generation);
        await using var command = dataSource.CreateCommand("SELECT changed_at, clock_timestamp() FROM data_versions WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var value = await reader.ReadAsync(ct)
            ? Read(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1))
            : new Reading(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        if (Interlocked.Read(ref _generation) == generation) _last = new Snapshot(value, now);
        return value;
    }

    /// <summary>This instance just committed a write: the next call reads the version from the database.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _last = null;
    }

    private static Reading Read(DateTimeOffset changedAt, DateTimeOffset databaseNow)
    {
        var second = new DateTimeOffset(changedAt.UtcTicks - changedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return new Reading(changedAt, databaseNow >= second.AddSeconds(1) ? second : null);
    }

    private sealed record Snapshot(Reading Value, DateTimeOffset ReadAt);
}
