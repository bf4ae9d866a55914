using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Atlas.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

[assembly: AssemblyFixture(typeof(Atlas.Web.Tests.Infrastructure.TestDatabase))]

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: a throwaway local cluster, or the server of ATLAS_TEST_CONNECTION
/// (a role allowed to create databases). A template database is migrated and loaded with the demo data once; each test
/// class that writes gets its own copy of it (CREATE DATABASE … TEMPLATE, a few milliseconds).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string TemplateName = "atlas_test_template";
    private LocalPostgres? _local;
    private string _serverConnection = "";
    private int _counter;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("ATLAS_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _serverConnection = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
        }
        else
        {
            _local = await LocalPostgres.StartAsync(Path.Combine(Path.GetTempPath(), $"atlas-tests-{Guid.NewGuid():N}"));
            _serverConnection = _local.ConnectionString("postgres");
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {TemplateName}");
        var template = ConnectionString(TemplateName);
        await SchemaMigrator.MigrateAsync(template, NullLogger.Instance);
        await using (var db = CreateContext(template))
        {
            await new DemoDataLoader(db, NullLogger<DemoDataLoader>.Instance).LoadAsync(includeDemo: true);
        }
        NpgsqlConnection.ClearAllPools();
    }

    // Tuned as the app tunes its own, so that the tests' contexts and the app under test share one pool per database. Each test
    // class has its own database, hence its own pool: idle connections are closed within seconds, not the default five
    // minutes, or the pools of the classes already done would hold the server's connections.
    public string ConnectionString(string database) =>
        ConnectionTuning.Apply(new NpgsqlConnectionStringBuilder(_serverConnection)
        {
            Database = database, Pooling = true, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1,
        }.ConnectionString);

    /// <summary>A new database holding the migrated schema and the demo data.</summary>
    public async Task<string> CreateDemoDatabaseAsync()
    {
        var name = $"atlas_test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return ConnectionString(name);
    }

    /// <summary>A new empty database.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"atlas_test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    public static AtlasDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AtlasDbContext>().UseNpgsql(connectionString).Options);

    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_serverConnection);
        await conn.OpenAsync();
        // Creating and dropping databases waits on checkpoints, which a loaded machine can make slower than the default 30 s.
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_local is not null) await _local.DeleteAsync();
        var keys = Path.GetDirectoryName(AtlasApp.KeyRingCertificate)!;
        if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
    }
}
