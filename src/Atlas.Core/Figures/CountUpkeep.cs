namespace Atlas.Core.Figures;

/// <summary>
/// Keeps the stored counts (<see cref="CountSnapshots"/>) current within the save that changes them, instead of leaving
/// them stale until a recount of every table (over a minute at scale 100 on a shared 2-core machine; 0.35 s at scale 1).
/// Every count is a sum over projects, partnerships or authorities, so the save counts what the records it touches
/// contributed before it and contribute after it (<see cref="AtlasCounts.ComputeAsync(AtlasDbContext, IReadOnlyDictionary{int, int?}, CountScope?, CancellationToken)"/>
/// with a scope: the same queries, over a few rows by their keys) and stores the difference, marked with the data version
/// the save leaves, in its own transaction.
/// <para>Only when the stored counts were current when the save began, taken with the data version's row locked, so that no
/// other write can slip between what is read and what is stored. Otherwise, and for an edit of the theme tree or of a
/// département's region (which move many records' counts at once), the counts are left to the recount in the background as
/// before; so is every write made without the tracked entities (a bulk update, the generator): it moves the data version
/// without keeping the counts, and they become stale.</para>
/// </summary>
public sealed class CountUpkeep
{
    // The records around those the save touches whose contributions may change with them: the partnerships of an authority
    // that moves or goes (their countries and regions), the authorities of those partnerships (which take part, and with
    // which countries), and the projects whose search columns the save refreshes (ProjectSearchUpkeep: those of the
    // partnerships and of the authorities).
    private const string ScopeSql = """
        WITH pa AS MATERIALIZED (
            SELECT unnest(@partnerships) AS id
            UNION SELECT partnership_id FROM partnership_authorities WHERE local_authority_id = ANY(@moved)
        ), au AS (
            SELECT unnest(@authorities) AS id
            UNION SELECT local_authority_id FROM partnership_authorities WHERE partnership_id = ANY(ARRAY(SELECT id FROM pa))
        ), pr AS (
            -- Each on its own index: as one OR, a sequential scan of the 1.27 M projects at scale 100 (4 to 5 s a save).
            SELECT unnest(@projects) AS id
            UNION SELECT id FROM projects WHERE partnership_id = ANY(ARRAY(SELECT id FROM pa))
            UNION SELECT id FROM projects WHERE authority_ids && @moved
        )
        SELECT 0, id FROM pr UNION ALL SELECT 1, id FROM pa UNION ALL SELECT 2, id FROM au
        """;

    private readonly List<(EntityEntry Entry, string Property, Seed Seed)> _keys;
    private DateTimeOffset? _currentAt;
    private string? _payload;
    private CountScope? _before;
    private AtlasCounts? _removed;
    private IReadOnlyDictionary<int, int?>? _parents;

    private CountUpkeep(List<(EntityEntry, string, Seed)> keys) => _keys = keys;

    private enum Seed { Project, Partnership, Authority, MovedAuthority }

    /// <summary>What the pending save touches of the counted records; null when the counts cannot be kept by this save (nothing of the atlas's records, or the theme tree).</summary>
    public static CountUpkeep? Collect(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var keys = new List<(EntityEntry, string, Seed)>();
        var records = false;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Theme or Department: return null;
                case Project: keys.Add((entry, nameof(Project.Id), Seed.Project)); break;
                case ProjectTheme: keys.Add((entry, nameof(ProjectTheme.ProjectId), Seed.Project)); break;
                case ProjectParticipant: keys.Add((entry, nameof(ProjectParticipant.ProjectId), Seed.Project)); break;
                case Funding: keys.Add((entry, nameof(Funding.ProjectId), Seed.Project)); break;
                case Partnership: keys.Add((entry, nameof(Partnership.Id), Seed.Partnership)); break;
                case PartnershipTheme: keys.Add((entry, nameof(PartnershipTheme.PartnershipId), Seed.Partnership)); break;
                case PartnershipAuthority:
                    keys.Add((entry, nameof(PartnershipAuthority.PartnershipId), Seed.Partnership));
                    keys.Add((entry, nameof(PartnershipAuthority.LocalAuthorityId), Seed.Authority));
                    break;
                case LocalAuthority:
                    keys.Add((entry, nameof(LocalAuthority.Id), entry.State == EntityState.Added ? Seed.Authority : Seed.MovedAuthority));
                    break;
            }
            // Records that move the data version without counting (contacts, volunteers, posts, organisations...): the
            // counts stay current through the save, which stores them unchanged with the new version.
            records |= entry.Metadata.GetTableName() is { } table && CountedTables.Contains(table);
        }
        return records || keys.Count > 0 ? new CountUpkeep(keys) : null;
    }

    // The tables whose writes move the data version (migration 0003's triggers).
    private static readonly HashSet<string> CountedTables =
    [
        "countries", "currencies", "regions", "departments", "themes", "local_authorities", "organisations", "partnerships",
        "partnership_authorities", "partnership_themes", "projects", "project_themes", "project_participants", "fundings",
        "volunteers", "diplomatic_posts", "diplomatic_post_countries", "contacts",
    ];

    /// <summary>Before the save, in its transaction: whether the stored counts are current, and if so what the touched records count now.</summary>
    public async Task BeforeAsync(AtlasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Locks the data version's row until the save commits: every other write waits for it (their triggers update it),
        // so the counts read now and the difference stored at the end are those of the same data. The stored counts are
        // read with it, when current: the row cannot change under the lock (another save waits; a recount in the background
        // stores only with the version it read, this one), and a statement is saved.
        await using (var command = Command(db, """
            SELECT s.data_changed_at, s.payload::text FROM data_versions v
            LEFT JOIN aggregate_snapshots s ON s.key = @key AND s.data_changed_at = v.changed_at
            WHERE v.id = 1 FOR UPDATE OF v
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("key", CountSnapshots.Key));
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false) || await reader.IsDBNullAsync(0, ct).ConfigureAwait(false)) return;
            _currentAt = reader.GetFieldValue<DateTimeOffset>(0);
            _payload = reader.GetString(1);
        }
        _before = await ScopeAsync(db, afterSave: false, ct).ConfigureAwait(false);
        _removed = await AtlasCounts.ComputeAsync(db, await ParentsAsync(db, _before, ct).ConfigureAwait(false), _before, ct).ConfigureAwait(false);
    }

    // The theme tree, read once a save and only when partnerships are counted: the projects' theme columns hold their
    // themes' ancestors already. The tree cannot change under the lock (an edit of it takes the data version's row too).
    private async Task<IReadOnlyDictionary<int, int?>?> ParentsAsync(AtlasDbContext db, CountScope scope, CancellationToken ct) =>
        scope.Partnerships.Count == 0 ? _parents : _parents ??= await ThemeCounts.ParentsAsync(db, ct).ConfigureAwait(false);

    // The save has opened the connection, in a transaction of its own or of the caller's.
    private static NpgsqlCommand Command(AtlasDbContext db, string sql) =>
        new(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());

    /// <summary>After the save, in its transaction: stores the counts less what the touched records counted before, plus what they count now.</summary>
    public async Task AfterAsync(AtlasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_currentAt is not { } currentAt || _payload is not { } payload || _before is null || _removed is null) return;
        var after = await ScopeAsync(db, afterSave: true, ct).ConfigureAwait(false);
        // New records join the scope once saved (their keys are known then); they counted nothing before.
        var scope = new CountScope(
            [.. _before.Projects.Union(after.Projects)], [.. _before.Partnerships.Union(after.Partnerships)], [.. _before.Authorities.Union(after.Authorities)]);
        var added = await AtlasCounts.ComputeAsync(db, await ParentsAsync(db, scope, ct).ConfigureAwait(false), scope, ct).ConfigureAwait(false);
        AtlasCounts? stored;
        try
        {
            stored = JsonSerializer.Deserialize<AtlasCounts>(payload, CountSnapshots.Json);
        }
        catch (JsonException)
        {
            return; // unreadable: left stale, and recounted as if there were no row
        }
        if (stored is null) return;
        var kept = JsonSerializer.Serialize(stored.With(_removed, added), CountSnapshots.Json);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE aggregate_snapshots SET payload = {kept}::jsonb, computed_at = clock_timestamp(),
                data_changed_at = (SELECT changed_at FROM data_versions WHERE id = 1)
            WHERE key = {CountSnapshots.Key} AND data_changed_at = {currentAt}
            """, ct).ConfigureAwait(false);
    }

    private async Task<CountScope> ScopeAsync(AtlasDbContext db, bool afterSave, CancellationToken ct)
    {
        HashSet<int> projects = [], partnerships = [], authorities = [], moved = [];
        foreach (var (entry, name, seed) in _keys)
        {
            var property = entry.Property(name);
            // Before the save: what the record pointed at, and what it points at now when that exists already. After it:
            // what it points at, new records' keys included.
            List<int> values = [];
            if (!afterSave)
            {
                if (entry.State != EntityState.Added && property.OriginalValue is int original) values.Add(original);
                if (!property.IsTemporary && property.CurrentValue is int now && now > 0) values.Add(now);
            }
            else if (entry.State != EntityState.Detached && property.CurrentValue is int now) values.Add(now);
            var set = seed switch
            {
                Seed.Project => projects,
                Seed.Partnership => partnerships,
                _ => authorities,
            };
            set.UnionWith(values);
            if (seed == Seed.MovedAuthority) moved.UnionWith(values);
        }
        // Without partnerships or moved authorities, nothing widens the scope (no partnership's authorities or projects to
        // add): the statement would give back the keys it is given. A project's save.
        if (partnerships.Count == 0 && moved.Count == 0) return new CountScope([.. projects], [], [.. authorities]);

        await using var command = Command(db, ScopeSql);
        command.Parameters.Add(new NpgsqlParameter<int[]>("projects", [.. projects]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("partnerships", [.. partnerships]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("authorities", [.. authorities]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("moved", [.. moved]));
        List<int> p = [], pa = [], au = [];
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                (reader.GetInt32(0) switch { 0 => p, 1 => pa, _ => au }).Add(reader.GetInt32(1));
            }
        }
        return new CountScope(p, pa, au);
    }
}
