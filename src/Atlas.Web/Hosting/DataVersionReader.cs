using Npgsql;

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

    public async Task<DateTimeOffset> ChangedAtAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = _last;
        if (last is not null && now - last.ReadAt < ReuseFor) return last.ChangedAt;

        // A read that began before a local commit must not store its (possibly older) value after Forget.
        var generation = Interlocked.Read(ref _generation);
        await using var command = dataSource.CreateCommand("SELECT changed_at FROM data_versions WHERE id = 1");
        var value = await command.ExecuteScalarAsync(ct);
        var changedAt = value is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
        if (Interlocked.Read(ref _generation) == generation) _last = new Snapshot(changedAt, now);
        return changedAt;
    }

    /// <summary>This instance just committed a write: the next call reads the version from the database.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _last = null;
    }

    private sealed record Snapshot(DateTimeOffset ChangedAt, DateTimeOffset ReadAt);
}
