using Atlas.Core.Data;
using Atlas.Core.Data.Seeding;
using Atlas.Tools.Synthetic;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Atlas.Tools.Tests.Synthetic;

/// <summary>The synthetic data generator at a small scale: proportions, derived columns, reproducibility, and the guard on real data.</summary>
public sealed class SyntheticAtlasTests(TestDatabase database)
{
    private const double Scale = 0.02;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fills_every_table_in_the_atlas_proportions_with_search_columns_derived()
    {
        var target = await ReferenceOnlyDatabaseAsync();
        var options = new SyntheticOptions(Scale, Seed: 7);
        var counts = await new SyntheticAtlas(target).GenerateAsync(options, null, Ct);

        Assert.Equal(254, options.Projects);
        Assert.Equal(options.Projects, await ScalarAsync(target, "SELECT count(*) FROM projects"));
        Assert.Equal(options.FrenchAuthorities, await ScalarAsync(target, "SELECT count(*) FROM local_authorities WHERE country_code = 'FR'"));
        Assert.Equal(options.ForeignAuthorities, await ScalarAsync(target, "SELECT count(*) FROM local_authorities WHERE country_code <> 'FR'"));
        Assert.Equal(options.Countries, await ScalarAsync(target, "SELECT count(DISTINCT country_code) FROM local_authorities WHERE country_code <> 'FR'"));
        Assert.Equal(options.Partnerships, await ScalarAsync(target, "SELECT count(*) FROM partnerships"));
        Assert.Equal(counts.Participants, await ScalarAsync(target, "SELECT count(*) FROM project_participants"));
        Assert.InRange(counts.Participants / (double)counts.Projects, 2.3, 3.2);
        Assert.InRange(counts.Fundings / (double)counts.Projects, 1.1, 1.7);
        Assert.Equal(options.Projects, await ScalarAsync(target, "SELECT count(*) FROM project_themes WHERE is_main"));

        // Derived search columns, filled set-based at the end, agree with what the per-project refresh computes.
        Assert.Equal(0, await ScalarAsync(target, "SELECT count(*) FROM projects WHERE search_text = '' OR cardinality(authority_ids) < 2 OR cardinality(country_codes) = 0 OR cardinality(theme_ids) = 0"));
        await using (var db = TestDatabase.CreateContext(target))
        {
            Assert.Equal(0, await Atlas.Core.Projects.ProjectSearchIndex.RefreshAsync(db, null, Ct));
        }
        Assert.True(await ScalarAsync(target, "SELECT count(*) FROM projects WHERE search_vector @@ websearch_to_tsquery('french', atlas_unaccent('eau'))") > 0);

        // Identities continue after the generated ids, the mark is set, and the rebuilt schema has its indexes back.
        Assert.Equal(options.Projects + 1, await ScalarAsync(target, "SELECT nextval(pg_get_serial_sequence('projects', 'id'))"));
        Assert.Equal(1, await ScalarAsync(target, "SELECT count(*) FROM synthetic_datasets WHERE seed = 7"));
        Assert.Equal(1, await ScalarAsync(target, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_projects_search'"));
        Assert.Equal(1, await ScalarAsync(target, "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_project_participants_projects_project_id'"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_records_and_another_seed_other_ones()
    {
        var first = await ReferenceOnlyDatabaseAsync();
        var second = await ReferenceOnlyDatabaseAsync();
        await new SyntheticAtlas(first).GenerateAsync(new SyntheticOptions(Scale, Seed: 11), null, Ct);
        await new SyntheticAtlas(second).GenerateAsync(new SyntheticOptions(Scale, Seed: 11), null, Ct);
        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));

        // Generating again over synthetic records needs no --force, and replaces them.
        await new SyntheticAtlas(second).GenerateAsync(new SyntheticOptions(Scale, Seed: 12), null, Ct);
        Assert.NotEqual(await FingerprintAsync(first), await FingerprintAsync(second));
        Assert.Equal(new SyntheticOptions(Scale).Projects, await ScalarAsync(second, "SELECT count(*) FROM projects"));
    }

    [Fact]
    public async Task Refuses_a_database_holding_real_records_unless_forced()
    {
        var demo = await database.CreateDemoDatabaseAsync();
        var before = await ScalarAsync(demo, "SELECT count(*) FROM projects");

        var refused = await Assert.ThrowsAsync<SyntheticDataRefusedException>(
            () => new SyntheticAtlas(demo).GenerateAsync(new SyntheticOptions(Scale), null, Ct));
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ScalarAsync(demo, "SELECT count(*) FROM projects"));
        Assert.Equal(0, await ScalarAsync(demo, "SELECT count(*) FROM synthetic_datasets"));

        await new SyntheticAtlas(demo).GenerateAsync(new SyntheticOptions(Scale, Force: true), null, Ct);
        Assert.Equal(new SyntheticOptions(Scale).Projects, await ScalarAsync(demo, "SELECT count(*) FROM projects"));
        Assert.Equal(0, await ScalarAsync(demo, "SELECT count(*) FROM projects WHERE source IS DISTINCT FROM 'Données synthétiques'"));
    }

    [Theory]
    [InlineData("--scale 1", 1.0, 42, false)]
    [InlineData("--scale 100 --seed 7 --force", 100.0, 7, true)]
    [InlineData("--scale 0.5", 0.5, 42, false)]
    public void The_command_line_reads_scale_seed_and_force(string line, double scale, int seed, bool force)
    {
        var options = SyntheticOptions.Parse(line.Split(' '));
        Assert.Equal(new SyntheticOptions(scale, seed, force), options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--scale")]
    [InlineData("--scale 0")]
    [InlineData("--scale -1")]
    [InlineData("--scale abc")]
    [InlineData("--scale 1 --unknown")]
    [InlineData("--seed 3")]
    public void A_bad_command_line_is_refused(string line)
    {
        Assert.Null(SyntheticOptions.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    private async Task<string> ReferenceOnlyDatabaseAsync()
    {
        var target = await database.CreateEmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(target, NullLogger.Instance, Ct);
        await using var db = TestDatabase.CreateContext(target);
        await new DemoDataLoader(db, NullLogger<DemoDataLoader>.Instance).LoadAsync(includeDemo: false, Ct);
        return target;
    }

    private static async Task<string> FingerprintAsync(string connectionString)
    {
        const string sql = """
            SELECT md5(string_agg(concat_ws('|', id, title, partnership_id, start_year, description, total_cost_amount, search_text), '#' ORDER BY id))
                || md5((SELECT string_agg(concat_ws('|', project_id, role, local_authority_id, organisation_id), '#' ORDER BY id) FROM project_participants))
                || md5((SELECT string_agg(concat_ws('|', id, name, country_code), '#' ORDER BY id) FROM local_authorities))
            FROM projects
            """;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
