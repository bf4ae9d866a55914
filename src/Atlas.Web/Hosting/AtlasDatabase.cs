using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Atlas.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public static void AddAtlasDatabase(this IServiceCollection services, string connectionString)
    {
        connectionString = ConnectionTuning.Apply(connectionString);
        services.AddSingleton(new AtlasConnection(connectionString));
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new DatabaseOutage(connectionString, sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<ILogger<DatabaseOutage>>()));
        services.AddSingleton<DataVersionReader>();
        services.AddSingleton<LocalWriteObserver>();
        services.AddDbContextPool<AtlasDbContext>((sp, o) => AtlasDbContext.UsePostgres(o, connectionString)
            .AddInterceptors(sp.GetRequiredService<Atlas.Core.Editing.ChangeRecorder>(), sp.GetRequiredService<LocalWriteObserver>(), sp.GetRequiredService<DatabaseOutage>())
            // A failure reaches the request's boundary, which logs it once (an outage in one line per outage, anything else with
            // its stack trace): EF's own error events would log each failure again, with its stack trace, at Error.
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the private PostgreSQL in {Directory}")]
    private static partial void LogStopped(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database holds synthetic records (the tools' generate command): the demo records are not added")]
    private static partial void LogSynthetic(ILogger logger);
}
