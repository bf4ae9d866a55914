using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Atlas.Web.Tests.Data;

/// <summary>
/// The hand-written migrations must build the schema the app relies on: what the EF model describes (tables, columns,
/// constraints, indexes, identity sequences), compared with a database the model creates; and what the model cannot
/// describe — extensions, functions, expression and GIN indexes, triggers — stated here with what relies on it, and
/// checked against the catalog of a freshly migrated database. Nothing on the expected side is read from the migrations
/// (the comment of migration 0011 still says the expression_indexes_ scripts are copied onto the model's side: they no
/// longer are, and an applied script cannot be edited).
/// </summary>
public sealed class SchemaMatchesModelTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Indexes EF cannot declare (on expressions, or GIN with operator classes), as pg_get_indexdef prints them, with what
    /// relies on each. A query planner uses an index only when the query's expression is the index's, hence whole definitions.
    /// </summary>
    private static readonly (string Definition, string Why)[] UnmodelledIndexes =
    [
        ($"CREATE INDEX ix_projects_search ON public.projects USING gin (search_vector, country_codes, region_codes, department_codes, authority_ids, theme_ids, status, ((id % {ProjectSearch.SampleRate})))",
            "ProjectSearch: every filter of a project search in one GIN scan, and its sample bucket (id % SampleRate = 0) for estimated totals and facets"),
        ($"CREATE INDEX ix_local_authorities_names_trgm ON public.local_authorities USING gin (atlas_authority_names((name)::text, alternate_names) gin_trgm_ops, ((id % {ProjectSearch.SampleRate})))",
            "AuthorityList and PartnershipList: atlas_authority_names(name, alternate_names) ~* '\\mword'; the suggestions and « Vouliez-vous dire » (<%); AuthorityDirectory's sample of a name (id % SampleRate = 0)"),
        ($"CREATE INDEX ix_partnerships_sample ON public.partnerships USING btree (((id % {ProjectSearch.SampleRate})))",
            "PartnershipDirectory: the sample bucket of a filtered list (id % SampleRate = 0), whose size says whether to count or estimate"),
        ($"CREATE INDEX ix_partnership_search_sample ON public.partnership_search USING btree (((partnership_id % {ProjectSearch.SampleRate})))",
            "PartnershipDirectory: the sample bucket of the narrow rows, read once for the total and the selects of a filtered list"),
        ("CREATE INDEX ix_partnership_search_text_trgm ON public.partnership_search USING gin (search_text gin_trgm_ops)",
            "PartnershipSearchIndex.Filtered: search_text ~* '\\mword' of a rare name, counted exactly"),
        ("CREATE INDEX ix_partnership_search_filters ON public.partnership_search USING gin (country_codes, region_codes, department_codes, authority_ids, theme_ids)",
            "PartnershipSearchIndex.Filtered: a country, region, département, authority or theme of few partnerships, counted exactly"),
        ("CREATE INDEX ix_organisations_name_trgm ON public.organisations USING gin (atlas_unaccent((name)::text) gin_trgm_ops)",
            "OrganisationList: atlas_unaccent(name) ~* '\\mword'"),
        ("CREATE INDEX ix_partnerships_title_trgm ON public.partnerships USING gin (atlas_unaccent((title)::text) gin_trgm_ops)",
            "PartnershipList: atlas_unaccent(title) ~* '\\mword'"),
        ("CREATE INDEX ix_local_authorities_population_order ON public.local_authorities USING btree (((population IS NULL)), population DESC, name, id)",
            "AuthorityDirectory.Ordered, « par population »: unknown last, largest first, then name and id, walked to the page"),
        ("CREATE INDEX ix_partnerships_signed_order ON public.partnerships USING btree (((signed_year IS NULL)), signed_year DESC, title, id)",
            "PartnershipDirectory.Ordered, « par date de signature »: undated last, latest first, then title and id, walked to the page"),
    ];

    /// <summary>
    /// Tables of the model whose writes must not move the data version (data_versions.changed_at, which the output cache,
    /// ETags and the stored counts are keyed on), and why. Every other table of the model must move it, through its
    /// statement trigger: a table added to the model without either fails the test.
    /// </summary>
    private static readonly Dictionary<string, string> UnversionedTables = new(StringComparer.Ordinal)
    {
        ["data_versions"] = "the version itself",
        ["aggregate_snapshots"] = "counts derived from the data: storing them must not make them stale (CountSnapshots)",
        ["api_rate_windows"] = "request counters, written by API requests",
        ["change_records"] = "written with the change it describes, which moves the version; shown on history pages, never cached",
        ["pending_changes"] = "the review queue, on signed-in pages only; approving one writes the project",
        ["account_requests"] = "requests for an account, on signed-in pages only; a public form writes here",
        ["api_tokens"] = "credentials; an answer to a token is never cached",
        ["data_protection_keys"] = "the key ring",
        ["synthetic_datasets"] = "written with the generated records, which move the version",
        ["partnership_search"] = "derived from the partnerships, written in the transaction of the change it follows, which moves the version",
        ["freshness_reminders"] = "the months whose reminder mail was sent, on no page",
        ["users"] = "accounts, on no public page; every sign-in writes here",
        ["roles"] = "Identity's, unused by public pages",
        ["role_claims"] = "Identity's, unused by public pages",
        ["user_claims"] = "Identity's, unused by public pages",
        ["user_logins"] = "Identity's, unused by public pages",
        ["user_roles"] = "Identity's, unused by public pages",
        ["user_tokens"] = "Identity's, unused by public pages",
    };

    /// <summary>Extensions the schema needs: unaccent under atlas_unaccent, pg_trgm for the name indexes, btree_gin for status in the search index.</summary>
    private static readonly string[] Extensions = ["btree_gin", "pg_trgm", "plpgsql", "unaccent"];

    /// <summary>
    /// The schema's own functions: atlas_unaccent (mapped by the model, called by queries, indexes and a generated column),
    /// atlas_authority_names (an authority's names in one text, mapped, indexed), the triggers' function and the partnerships'
    /// narrow rows' refresh (PartnershipSearchIndex).
    /// </summary>
    private static readonly string[] Functions =
        ["atlas_authority_names", "atlas_partnership_counts_changed", "atlas_recount_partnerships", "atlas_refresh_partnership_search", "atlas_unaccent",
         "touch_data_version"];

    /// <summary>
    /// The triggers that keep local_authorities.partnership_count (migration 0020, AuthorityDirectory's order by partnerships):
    /// a link added, removed or moved, a partnership deleted or restored.
    /// </summary>
    private static readonly string[] CountTriggers =
    [
        "CREATE TRIGGER partnership_counts_on_delete AFTER DELETE ON public.partnership_authorities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed()",
        "CREATE TRIGGER partnership_counts_on_insert AFTER INSERT ON public.partnership_authorities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed()",
        "CREATE TRIGGER partnership_counts_on_update AFTER UPDATE ON public.partnership_authorities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed()",
        "CREATE TRIGGER partnership_counts_on_update AFTER UPDATE ON public.partnerships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed()",
    ];

    [Fact]
    public async Task Migrated_schema_is_the_schema_the_model_creates()
    {
        var fromModel = await database.CreateEmptyDatabaseAsync();
        await using (var db = TestDatabase.CreateContext(fromModel))
        await using (var conn = new NpgsqlConnection(fromModel))
        {
            await conn.OpenAsync(Ct);
            // EF maps atlas_unaccent but cannot create it, and the model's generated search_vector calls it: a function of the
            // same signature lets the model's script run. What the real one does is checked on the migrated database below.
            // The same for the text-search configuration of search_vector (atlas_words, migration 0017), checked below too.
            const string standIn = "CREATE FUNCTION atlas_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1';\n" +
                "CREATE TEXT SEARCH CONFIGURATION atlas_words (COPY = pg_catalog.simple);\n";
            await using var cmd = new NpgsqlCommand(standIn + db.Database.GenerateCreateScript(), conn);
            await cmd.ExecuteNonQueryAsync(Ct);
        }
        var migrated = await MigratedDatabaseAsync();

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        Assert.Contains(expected, line => line.StartsWith("sequence projects_id_seq integer", StringComparison.Ordinal));
        None("In the model, not in the migrated schema", expected.Except(actual));
        // Beyond the model, exactly the indexes it cannot declare.
        var unmodelled = UnmodelledIndexes.Select(i => "index " + i.Definition).ToList();
        None("Indexes the app relies on, missing or defined otherwise", unmodelled.Except(actual));
        None("In the migrated schema, neither in the model nor among the indexes it cannot declare", actual.Except(expected).Except(unmodelled));
    }

    [Fact]
    public async Task Every_data_table_and_only_those_move_the_data_version_the_caches_are_keyed_on()
    {
        var migrated = await MigratedDatabaseAsync();
        List<string> tables;
        await using (var db = TestDatabase.CreateContext(migrated))
            tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Empty(UnversionedTables.Keys.Except(tables)); // no stale exemption
        var versioned = tables.Except(UnversionedTables.Keys).ToList();
        Assert.Contains("projects", versioned);

        await using var conn = new NpgsqlConnection(migrated);
        await conn.OpenAsync(Ct);
        // The singleton row the readers read and the triggers move: without it nothing would ever look changed.
        Assert.Equal(1L, await ScalarAsync<long>(conn, "SELECT count(*) FROM data_versions WHERE id = 1"));

        var triggers = await LinesAsync(conn, """
            SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal
            """);
        var expected = versioned
            .Select(t => $"CREATE TRIGGER touch_data_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.{t} FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()")
            .Concat(CountTriggers)
            .ToList();
        None("Data-version triggers missing or defined otherwise", expected.Except(triggers));
        None("Triggers nothing here expects", triggers.Except(expected));

        // And the triggers do move it: a statement trigger fires even for a statement that touches no row.
        foreach (var table in tables.Where(t => t != "data_versions"))
        {
            var before = await ScalarAsync<DateTime>(conn, "SELECT changed_at FROM data_versions");
            await using (var statement = new NpgsqlCommand($"DELETE FROM {table} WHERE false", conn)) await statement.ExecuteNonQueryAsync(Ct);
            var after = await ScalarAsync<DateTime>(conn, "SELECT changed_at FROM data_versions");
            Assert.True(versioned.Contains(table) == (after > before), $"A write to {table} {(after > before ? "moved" : "did not move")} the data version.");
        }
    }

    [Fact]
    public async Task The_extensions_and_functions_the_schema_calls_are_there_and_atlas_unaccent_removes_accents_immutably()
    {
        await using var conn = new NpgsqlConnection(await MigratedDatabaseAsync());
        await conn.OpenAsync(Ct);
        Assert.Equal(Extensions, await LinesAsync(conn, "SELECT extname FROM pg_extension"));
        // The schema's own functions: not those an extension brought.
        Assert.Equal(Functions, await LinesAsync(conn, """
            SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            """));
        // Immutable, or neither the generated column nor the indexes could call it; strict, so that a null name stays null.
        Assert.Equal("i true", await ScalarAsync<string>(conn, "SELECT provolatile::text || ' ' || proisstrict::text FROM pg_proc WHERE proname = 'atlas_unaccent'"));
        Assert.Equal("Evry-Courcouronnes, Saint-Etienne, Tataouine, Hue, Ecole",
            await ScalarAsync<string>(conn, "SELECT atlas_unaccent('Évry-Courcouronnes, Saint-Étienne, Tataouîne, Huế, École')"));
        // The projects' documents keep words as written, unstemmed, without French stop words (de, pas; ProjectSearch, migration 0017).
        Assert.Equal("'calais':8 'nantes':3 'nord':5 'nord-pas-de-calais':4 'voivodie':1",
            await ScalarAsync<string>(conn, "SELECT to_tsvector('atlas_words', atlas_unaccent('Voïvodie de Nantes Nord-Pas-de-Calais'))::text"));
        Assert.Equal("El Jadida El Jedida", await ScalarAsync<string>(conn, "SELECT atlas_authority_names('El Jadida', ARRAY['El Jedida'])"));
    }

    [Fact]
    public async Task Migrating_twice_or_concurrently_applies_each_script_once()
    {
        var target = await database.CreateEmptyDatabaseAsync();
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.MigrateAsync(target, NullLogger.Instance, Ct)));
        Assert.Equal(SchemaMigrator.Scripts.Count, applied.Sum());
        Assert.Equal(0, await SchemaMigrator.MigrateAsync(target, NullLogger.Instance, Ct));

        await using var conn = new NpgsqlConnection(target);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", conn);
        Assert.Equal((long)SchemaMigrator.Scripts.Count, await cmd.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task An_applied_script_that_was_edited_stops_the_migration()
    {
        var target = await database.CreateEmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(target, NullLogger.Instance, Ct);
        await using (var conn = new NpgsqlConnection(target))
        {
            await conn.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand("UPDATE schema_migrations SET checksum = 'changed' WHERE version = '0002'", conn);
            await cmd.ExecuteNonQueryAsync(Ct);
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(target, NullLogger.Instance, Ct));
        Assert.Contains("0002", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var migrated = await database.CreateEmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(migrated, NullLogger.Instance, Ct);
        return migrated;
    }

    /// <summary>What the EF model can describe, one line per object, sorted: columns, constraints, indexes, sequences, views.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' '
                   || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') || ' null=' || is_nullable
                   || ' default=' || coalesce(column_default, '') || ' generated=' || coalesce(generation_expression, '') || ' identity=' || is_identity
                   || ' collation=' || coalesce(collation_name, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || rel.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
            WHERE n.nspname = 'public' AND rel.relname <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            UNION ALL
            SELECT 'sequence ' || s.sequencename || ' ' || s.data_type::text || ' start=' || s.start_value || ' increment=' || s.increment_by
                   || ' max=' || s.max_value || ' cycle=' || s.cycle || ' owned by ' || coalesce(d.refobjid::regclass::text || '.' || a.attname, 'nothing')
            FROM pg_sequences s
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE s.schemaname = 'public'
            UNION ALL
            SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
            UNION ALL
            SELECT 'materialized view ' || matviewname || ' ' || definition FROM pg_matviews WHERE schemaname = 'public'
            """;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        return await LinesAsync(conn, sql);
    }

    /// <summary>Fails listing <paramref name="lines"/> in full, one a line, if there are any: schema lines are too long for xUnit's collection messages.</summary>
    private static void None(string what, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count > 0) Assert.Fail($"{what}:\n{string.Join('\n', list)}");
    }

    private static async Task<List<string>> LinesAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync(Ct))!;
    }
}
