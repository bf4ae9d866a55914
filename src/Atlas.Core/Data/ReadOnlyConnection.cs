namespace Atlas.Core.Data;

/// <summary>
/// A connection string whose sessions are read-only (default_transaction_read_only): the web tier's reads from a replica.
/// Nothing sent on it can write, even when a multi-host string reaches a primary; what would write on a read (the stored
/// counts, <see cref="Figures.CountSnapshots"/>) asks <see cref="Is"/> and leaves the write to the primary.
/// </summary>
public static class ReadOnlyConnection
{
    private const string Setting = "default_transaction_read_only=on";

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Is(connectionString)) builder.Options = ((builder.Options ?? "") + " -c " + Setting).Trim();
        return builder.ConnectionString;
    }

    public static bool Is(string? connectionString) =>
        connectionString is not null && new NpgsqlConnectionStringBuilder(connectionString).Options?.Contains(Setting, StringComparison.Ordinal) == true;
}
