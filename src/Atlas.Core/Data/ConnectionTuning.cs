using System.Data.Common;

namespace Atlas.Core.Data;

/// <summary>
/// Connection settings measured with scripts/benchmark.sh (docs/benchmarks.md), each kept when the connection string sets
/// its own. Idempotent: a tuned string comes back unchanged, so that everything using it shares one connection pool.
/// <list type="bullet">
/// <item>Npgsql prepares the statements a connection runs repeatedly (every page runs the same few), so PostgreSQL parses
/// them once per connection instead of once per request (searches ask for plans of their own: <see cref="CustomPlans"/>).</item>
/// <item>A work_mem large enough for the bitmaps of a search over a million projects to stay exact (with the default 4 MB
/// they go lossy and every row of the pages they cover is checked again).</item>
/// <item>No JIT compilation: it cost a search's facet statement 45 ms of compiling for a few ms of execution.</item>
/// <item>No reset of the session when a connection goes back to the pool: with prepared statements Npgsql's reset is seven
/// commands, as much work for PostgreSQL as a project's record. The portal changes no session state: a local setting
/// (SET LOCAL, set_config(…, true)) ends with its transaction, and whoever takes a session advisory lock (the migrator,
/// the stored counts) releases it itself.</item>
/// </list>
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
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c work_mem=32MB -c jit=off";
        // Npgsql's builder knows every keyword; the plain one tells whether this string sets it.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
