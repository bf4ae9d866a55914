using Npgsql;

namespace Atlas.Web.Hosting;

/// <summary>Reads when the atlas's data last changed (the data_versions row, moved by triggers on every data table).</summary>
internal sealed class DataVersionReader(NpgsqlDataSource dataSource)
{
    public async Task<DateTimeOffset> ChangedAtAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT changed_at FROM data_versions WHERE id = 1");
        var value = await command.ExecuteScalarAsync(ct);
        return value is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;
    }
}
