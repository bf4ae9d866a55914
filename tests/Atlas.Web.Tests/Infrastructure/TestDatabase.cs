using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Atlas.Core.Data.Seeding;
using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;

[assembly: AssemblyFixture(typeof(Atlas.Web.Tests.Infrastructure.TestDatabase))]

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: the server of ATLAS_TEST_CONNECTION (a role allowed to create databases);
/// else a PostgreSQL container where a Docker engine answers (Testcontainers: developer laptops, hosted CI); else a
/// throwaway cluster from the installed server binaries (machines without a Docker engine, such as this project's). A
/// template database is migrated and loaded with the demo data once; each test class that writes gets its own copy of it
/// (CREATE DATABASE … TEMPLATE, a few milliseconds).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string TemplateName = "atlas_test_template";
    /// <summary>The image of the container: the one docker-compose.yml runs.</summary>
    public const string ContainerImage = "postgres:16";
    private LocalPostgres? _local;
    private PostgreSqlContainer? _container;
    private string _serverConnection = "";
    private int _counter;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("ATLAS_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _serverConnection = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
        }
        else if (await StartContainerAsync() is { } container)
        {
            _container = container;
            _serverConnection = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
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

    /// <summary>A started PostgreSQL container, or null when no Docker engine answers here.</summary>
    private static async Task<PostgreSqlContainer?> StartContainerAsync()
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder(ContainerImage).Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
        await container.StartAsync();
        return container;
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
        AtlasDbContext.Open(connectionString);

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
        if (_container is not null) await _container.DisposeAsync();
        var keys = Path.GetDirectoryName(AtlasApp.KeyRingCertificate)!;
        if (Directory.Exists(keys)) Directory.Delete(keys, recursive: true);
    }
}
