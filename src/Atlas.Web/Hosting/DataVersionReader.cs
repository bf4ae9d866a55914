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

    public async Task<DateTimeOffset> ChangedAtAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = _last;
        if (last is not null && now - last.ReadAt < ReuseFor) return last.ChangedAt;

        await using var command = dataSource.CreateCommand("SELECT changed_at FROM data_versions WHERE id = 1");
        var value = await command.ExecuteScalarAsync(ct);
        var changedAt = value is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
        _last = new Snapshot(changedAt, now);
        return changedAt;
    }

    private sealed record Snapshot(DateTimeOffset ChangedAt, DateTimeOffset ReadAt);
}
