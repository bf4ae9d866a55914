using System.Data.Common;
using Npgsql;

namespace Atlas.Core.Data;

/// <summary>
/// Connection settings measured with scripts/benchmark.sh (docs/benchmarks.md), each kept when the connection string
/// sets its own: Npgsql prepares the statements a connection runs repeatedly (every page runs the same few queries), so
/// PostgreSQL parses and plans them once per connection instead of once per request; and a session work_mem large enough
/// for the bitmaps of a search over a million projects to stay exact (with the default 4 MB they go lossy and every row
/// of the pages they cover is checked again); and no reset of the session when a connection goes back to the pool (with
/// prepared statements Npgsql's reset is seven commands, as much work for PostgreSQL as a project's record: the portal
/// changes no session state, SET LOCAL and transaction-level advisory locks end with their transaction, and the migrator
/// releases its session lock itself). Idempotent: a tuned string comes back unchanged, so that everything using
/// it shares one connection pool.
/// </summary>
public static class ConnectionTuning
{
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c work_mem=32MB";
        // Npgsql's builder knows every keyword; the plain one tells whether this string sets it.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
