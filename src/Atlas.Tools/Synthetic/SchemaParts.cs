namespace Atlas.Tools.Synthetic;

/// <summary>
/// The secondary indexes and foreign keys of the tables a bulk load fills, read from the catalog, dropped for the load and
/// recreated from their own definitions afterwards: whatever later migrations add is restored as it was.
/// </summary>
internal sealed class SchemaParts
{
    private readonly List<(string Table, string Name, string Definition)> _indexes = [];
    private readonly List<(string Table, string Name, string Definition)> _foreignKeys = [];

    public static async Task<SchemaParts> DropAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] tables, CancellationToken ct)
    {
        var parts = new SchemaParts();
        const string indexes = """
            SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """;
        const string foreignKeys = """
            SELECT r.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE c.contype = 'f' AND n.nspname = 'public' AND r.relname = ANY($1)
            """;
        await ReadAsync(connection, transaction, indexes, tables, parts._indexes, ct).ConfigureAwait(false);
        await ReadAsync(connection, transaction, foreignKeys, tables, parts._foreignKeys, ct).ConfigureAwait(false);
        foreach (var (table, name, _) in parts._foreignKeys)
            await SyntheticAtlas.ExecuteAsync(connection, transaction, $"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", ct).ConfigureAwait(false);
        foreach (var (_, name, _) in parts._indexes)
            await SyntheticAtlas.ExecuteAsync(connection, transaction, $"DROP INDEX \"{name}\"", ct).ConfigureAwait(false);
        return parts;
    }

    public async Task RestoreIndexesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Func<string, bool> ofTable, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        var chosen = _indexes.Where(i => ofTable(i.Table)).ToList();
        var step = chosen.Count > 0 && chosen.All(i => i.Table == "projects") ? "project indexes" : "indexes";
        for (var i = 0; i < chosen.Count; i++)
        {
            progress?.Report(new SyntheticProgress(step, i, chosen.Count));
            await SyntheticAtlas.ExecuteAsync(connection, transaction, chosen[i].Definition, ct).ConfigureAwait(false);
        }
        progress?.Report(new SyntheticProgress(step, chosen.Count, chosen.Count));
    }

    public async Task RestoreForeignKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        for (var i = 0; i < _foreignKeys.Count; i++)
        {
            progress?.Report(new SyntheticProgress("foreign keys", i, _foreignKeys.Count));
            var (table, name, definition) = _foreignKeys[i];
            await SyntheticAtlas.ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}", ct).ConfigureAwait(false);
        }
        progress?.Report(new SyntheticProgress("foreign keys", _foreignKeys.Count, _foreignKeys.Count));
    }

    private static async Task ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string[] tables, List<(string, string, string)> into, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = tables } } };
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) into.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }
}
