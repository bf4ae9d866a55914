namespace Atlas.Tools.Synthetic;

/// <summary>The reference data (loaded at start-up from Data/Reference and themes.json) the synthetic records point to.</summary>
internal sealed record SyntheticReference(
    IReadOnlyList<(string Code, string Name)> Countries,
    IReadOnlyList<(string Code, string Name, string RegionCode)> Departments,
    IReadOnlyDictionary<string, string> Regions,
    IReadOnlyList<int> Themes,
    IReadOnlyList<int> LeafThemes,
    bool HasXof)
{
    public static async Task<SyntheticReference> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var countries = await ListAsync(connection, "SELECT code, name FROM countries WHERE code <> 'FR' ORDER BY code", r => (r.GetString(0), r.GetString(1)), ct).ConfigureAwait(false);
        var departments = await ListAsync(connection, "SELECT code, name, region_code FROM departments ORDER BY code", r => (r.GetString(0), r.GetString(1), r.GetString(2)), ct).ConfigureAwait(false);
        var regions = await ListAsync(connection, "SELECT code, name FROM regions", r => (r.GetString(0), r.GetString(1)), ct).ConfigureAwait(false);
        var themes = await ListAsync(connection, "SELECT id, NOT EXISTS (SELECT 1 FROM themes c WHERE c.parent_id = t.id) FROM themes t ORDER BY id", r => (r.GetInt32(0), r.GetBoolean(1)), ct).ConfigureAwait(false);
        var xof = await ListAsync(connection, "SELECT code FROM currencies WHERE code = 'XOF'", r => r.GetString(0), ct).ConfigureAwait(false);
        if (countries.Count == 0 || departments.Count == 0 || themes.Count == 0)
            throw new InvalidOperationException("The reference data (countries, départements, themes) is missing: migrate and load it first.");
        return new SyntheticReference(countries, departments, regions.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal),
            themes.Select(t => t.Item1).ToList(), themes.Where(t => t.Item2).Select(t => t.Item1).ToList(), xof.Count > 0);
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) list.Add(read(reader));
        return list;
    }
}
