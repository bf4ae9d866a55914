using Atlas.Core.Projects;
using Atlas.Core.Partnerships;

namespace Atlas.Tools.Synthetic;

/// <summary>
/// Fills a migrated database (reference data loaded) with synthetic records in the proportions of the real atlas, from a
/// seed, through binary COPY, in one transaction. Secondary indexes and foreign keys are dropped for the load and rebuilt
/// afterwards (one pass each instead of one probe per row), and the projects' derived search columns are computed set-based
/// by <see cref="ProjectSearchIndex"/>, the partnerships' filter rows by <see cref="PartnershipSearchIndex"/>. A database holding records without the synthetic mark is left alone unless forced.
/// </summary>
public sealed class SyntheticAtlas(string connectionString)
{
    /// <summary>The tables the generator replaces; accounts, history and review queues that point into them go too.</summary>
    internal static readonly string[] RecordTables =
    [
        "local_authorities", "organisations", "partnerships", "partnership_authorities", "partnership_themes", "projects",
        "project_themes", "project_participants", "fundings", "volunteers", "diplomatic_posts", "diplomatic_post_countries", "contacts",
    ];

    private const int DerivedSlice = 100_000;

    public async Task<SyntheticCounts> GenerateAsync(SyntheticOptions options, IProgress<SyntheticProgress>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scale is <= 0 or > SyntheticOptions.MaxScale || double.IsNaN(options.Scale))
            throw new ArgumentOutOfRangeException(nameof(options), $"The scale must be above 0 and at most {SyntheticOptions.MaxScale}.");
        var started = System.Diagnostics.Stopwatch.StartNew();

        // No command timeout, the COPYs' included: completing the COPY of 1.6 M partnership links runs the stored counts'
        // trigger over them (23 s at scale 100 on a quiet machine), and at a load average of 12–19 it outlasted the default
        // 30 s and aborted the load (2026-12-06).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await RefuseRealDataAsync(connection, options.Force, ct).ConfigureAwait(false);
        var reference = await SyntheticReference.ReadAsync(connection, ct).ConfigureAwait(false);

        SyntheticWorld.Counts counts;
        await using (var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction,
                "SET LOCAL maintenance_work_mem = '1GB'; SET LOCAL work_mem = '256MB'; SET LOCAL synchronous_commit = off; " +
                $"TRUNCATE {string.Join(", ", RecordTables)}, synthetic_datasets RESTART IDENTITY CASCADE", ct).ConfigureAwait(false);
            var schema = await SchemaParts.DropAsync(connection, transaction, RecordTables, ct).ConfigureAwait(false);

            var world = new SyntheticWorld(options, reference, progress);
            counts = await world.WriteAsync(connection, ct).ConfigureAwait(false);

            // Everything but the projects' own indexes first: deriving the search columns joins on them.
            await schema.RestoreIndexesAsync(connection, transaction, t => t != "projects", progress, ct).ConfigureAwait(false);
            // Statistics of the rows this transaction wrote (no other session sees them, autovacuum included): without them the
            // partnerships' filter rows were planned blind, hash-joining every authority for each partnership (scale 100:
            // 2.3 TB read from the page cache in 38 minutes, far from done).
            await ExecuteAsync(connection, transaction, "ANALYZE", ct).ConfigureAwait(false);
            await DeriveSearchColumnsAsync(connection, transaction, counts.Projects, progress, ct).ConfigureAwait(false);
            // The partnerships' filter rows, bucket by bucket (PartnershipSearchIndex): truncated with the partnerships.
            progress?.Report(new SyntheticProgress("partnership filter rows", 0, counts.Partnerships));
            await PartnershipSearchIndex.RefreshAllAsync(connection, transaction, ct).ConfigureAwait(false);
            progress?.Report(new SyntheticProgress("partnership filter rows", counts.Partnerships, counts.Partnerships));
            // The update left a dead copy of every project row: rewrite the table compactly before indexing it.
            await ExecuteAsync(connection, transaction, "CLUSTER projects USING pk_projects", ct).ConfigureAwait(false);
            await schema.RestoreIndexesAsync(connection, transaction, t => t == "projects", progress, ct).ConfigureAwait(false);
            await schema.RestoreForeignKeysAsync(connection, transaction, progress, ct).ConfigureAwait(false);
            foreach (var table in RecordTables.Where(t => t is not ("partnership_authorities" or "partnership_themes" or "project_themes" or "diplomatic_post_countries")))
            {
                await ExecuteAsync(connection, transaction,
                    $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)", ct).ConfigureAwait(false);
            }
            await using (var mark = new NpgsqlCommand(
                "INSERT INTO synthetic_datasets (id, seed, scale, generated_at) VALUES (1, $1, $2, now())", connection, transaction))
            {
                mark.Parameters.Add(new() { Value = options.Seed });
                mark.Parameters.Add(new() { Value = options.Scale });
                await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        progress?.Report(new SyntheticProgress("vacuum analyze", 0, 1));
        await ExecuteAsync(connection, null, $"VACUUM (ANALYZE) {string.Join(", ", RecordTables)}", ct).ConfigureAwait(false);
        progress?.Report(new SyntheticProgress("vacuum analyze", 1, 1));
        return new SyntheticCounts(counts.FrenchAuthorities, counts.ForeignAuthorities, counts.Countries, counts.Organisations, counts.Partnerships,
            counts.Projects, counts.Participants, counts.Fundings, counts.ProjectThemes, counts.Contacts, started.Elapsed);
    }

    /// <summary>Throws when records exist that the generator did not make, unless <paramref name="force"/>.</summary>
    public static async Task RefuseRealDataAsync(NpgsqlConnection connection, bool force, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM synthetic_datasets), " +
            "(SELECT count(*) FROM projects) + (SELECT count(*) FROM partnerships) + (SELECT count(*) FROM local_authorities) + (SELECT count(*) FROM organisations)",
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var synthetic = reader.GetBoolean(0);
        var records = reader.GetInt64(1);
        if (synthetic || records == 0 || force) return;
        throw new SyntheticDataRefusedException(
            $"This database holds {records} records that were not generated (no synthetic mark). Generating would replace them, with the " +
            "accounts and history that refer to them: pass --force to do so, or point ConnectionStrings__Atlas at another database.");
    }

    private static async Task DeriveSearchColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long projects, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        const string step = "search columns";
        progress?.Report(new SyntheticProgress(step, 0, projects));
        for (long from = 1; from <= projects; from += DerivedSlice)
        {
            var to = Math.Min(projects, from + DerivedSlice - 1);
            await ProjectSearchIndex.RefreshAsync(connection, transaction, null, (int)from, (int)to, ct).ConfigureAwait(false);
            progress?.Report(new SyntheticProgress(step, to, projects));
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
