using Atlas.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Atlas.Web.Hosting;

/// <summary>
/// Registers the database found by <see cref="DatabaseLocation"/> (configured, or a private local cluster), migrates it and
/// loads the reference and demo data.
/// </summary>
internal static partial class AtlasDatabase
{
    /// <summary>Stops the private cluster when the app stops (blocking: the host waits for its stopped callbacks).</summary>
    public static void Stop(LocalPostgres local, ILogger logger)
    {
        local.DisposeAsync().AsTask().GetAwaiter().GetResult();
        LogStopped(logger, local.RootDirectory);
    }

    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var connectionString = services.GetRequiredService<AtlasConnection>().ConnectionString;
        await SchemaMigrator.MigrateAsync(connectionString, logger).ConfigureAwait(false);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        // A database of generated records stays purely synthetic: the demo records would skew its proportions.
        var synthetic = await db.SyntheticDatasets.AnyAsync().ConfigureAwait(false);
        if (synthetic) LogSynthetic(logger);
        var loader = scope.ServiceProvider.GetRequiredService<DemoDataLoader>();
        await loader.LoadAsync(includeDemo: !synthetic && configuration.GetValue("Atlas:DemoData", true)).ConfigureAwait(false);
    }

    /// <summary>
    /// The primary of <paramref name="connectionString"/> and, when ConnectionStrings:AtlasReadOnly is given, the server of
    /// <paramref name="readOnlyConnectionString"/> for anonymous reads while it is usable (<see cref="DatabaseRoute"/>,
    /// <see cref="ReadReplica"/>); without it, everything goes to the primary as before.
    /// </summary>
    public static void AddAtlasDatabase(this IServiceCollection services, string connectionString, string? readOnlyConnectionString = null)
    {
        connectionString = ConnectionTuning.Apply(connectionString);
        services.AddSingleton(new AtlasConnection(connectionString));
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new DatabaseOutage(connectionString, sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<ILogger<DatabaseOutage>>()));
        services.AddSingleton<DataVersionReader>();
        services.AddSingleton<LocalWriteObserver>();
        services.AddHttpContextAccessor();
        services.AddScoped<DatabaseRoute>();
        services.AddDbContextPool<AtlasDbContext>((sp, o) => Configure(AtlasDbContext.UsePostgres(o, connectionString)
            .AddInterceptors(sp.GetRequiredService<Atlas.Core.Editing.ChangeRecorder>(), sp.GetRequiredService<LocalWriteObserver>(), sp.GetRequiredService<DatabaseOutage>())));
        if (string.IsNullOrWhiteSpace(readOnlyConnectionString)) return;

        var readOnly = ReadReplica.Tune(readOnlyConnectionString);
        services.AddSingleton(sp => new ReadReplica(readOnly, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReadReplica>>()));
        services.AddHostedService<ReplicaMonitor>();
        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica");
        // The replica's contexts: a pool of their own, without the write interceptors (nothing is saved through them, and
        // their connections are read-only), nor the primary's outage tracking (a replica failure is the replica's: ReadReplica).
        services.AddSingleton(sp => new PooledDbContextFactory<AtlasDbContext>(
            (DbContextOptions<AtlasDbContext>)Configure(AtlasDbContext.UsePostgres(new DbContextOptionsBuilder<AtlasDbContext>(), readOnly)
                .UseApplicationServiceProvider(sp)).Options));
        // The context a scope gets is the route's: EF's own pooled registration for the primary, unchanged, else one from the replica's pool
        // (given back to it when the scope ends).
        var primary = services.Last(d => d.ServiceType == typeof(AtlasDbContext));
        var primaryFactory = primary.ImplementationFactory!;
        services.Remove(primary);
        services.AddScoped(sp => sp.GetRequiredService<DatabaseRoute>().ReadOnly
            ? sp.GetRequiredService<PooledDbContextFactory<AtlasDbContext>>().CreateDbContext()
            : (AtlasDbContext)primaryFactory(sp));
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => options
        // A failure reaches the request's boundary, which logs it once (an outage in one line per outage, anything else with
        // its stack trace): EF's own error events would log each failure again, with its stack trace, at Error.
        .ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the private PostgreSQL in {Directory}")]
    private static partial void LogStopped(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database holds synthetic records (the tools' generate command): the demo records are not added")]
    private static partial void LogSynthetic(ILogger logger);
}
