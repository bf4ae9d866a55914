using Atlas.Core.Data;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Atlas.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the EF model expects.</summary>
public sealed class SchemaMatchesModelTests(TestDatabase database)
{
    [Fact]
    public async Task Migrated_schema_is_the_schema_the_model_creates()
    {
        var fromModel = await database.CreateEmptyDatabaseAsync();
        var extensions = SchemaMigrator.Scripts.Single(s => s.Name == "extensions");
        // Indexes on expressions, which the EF model cannot declare, are added to the model's schema as written.
        var expressionIndexes = string.Concat(SchemaMigrator.Scripts.Where(s => s.Name.StartsWith("expression_indexes", StringComparison.Ordinal)).Select(s => ";\n" + s.Sql));
        await using (var db = TestDatabase.CreateContext(fromModel))
        await using (var conn = new NpgsqlConnection(fromModel))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand(extensions.Sql + ";\n" + db.Database.GenerateCreateScript() + expressionIndexes, conn);
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var fromMigrations = await database.CreateEmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(fromMigrations, NullLogger.Instance, TestContext.Current.CancellationToken);

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(fromMigrations);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Except(actual).ToList(), []);
        Assert.Equal(actual.Except(expected).ToList(), []);
    }

    [Fact]
    public async Task Migrating_twice_or_concurrently_applies_each_script_once()
    {
        var target = await database.CreateEmptyDatabaseAsync();
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.MigrateAsync(target, NullLogger.Instance, TestContext.Current.CancellationToken)));
        Assert.Equal(SchemaMigrator.Scripts.Count, applied.Sum());
        Assert.Equal(0, await SchemaMigrator.MigrateAsync(target, NullLogger.Instance, TestContext.Current.CancellationToken));

        await using var conn = new NpgsqlConnection(target);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", conn);
        Assert.Equal((long)SchemaMigrator.Scripts.Count, await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_applied_script_that_was_edited_stops_the_migration()
    {
        var target = await database.CreateEmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(target, NullLogger.Instance, TestContext.Current.CancellationToken);
        await using (var conn = new NpgsqlConnection(target))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand("UPDATE schema_migrations SET checksum = 'changed' WHERE version = '0002'", conn);
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(target, NullLogger.Instance, TestContext.Current.CancellationToken));
        Assert.Contains("0002", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' '
                   || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') || ' null=' || is_nullable
                   || ' default=' || coalesce(column_default, '') || ' generated=' || coalesce(generation_expression, '') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || rel.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
            WHERE n.nspname = 'public' AND rel.relname <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            UNION ALL
            SELECT 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname LIKE 'atlas_%'
            """;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
