using Microsoft.Extensions.Configuration;

namespace Atlas.Core.Data.Hosting;

/// <summary>
/// Where the app and the tools (Atlas.Tools) find the database, one rule for both so that a generated database is the one the
/// app then serves: the configured <c>ConnectionStrings:Atlas</c>, else a private cluster started from the installed binaries
/// in <c>Atlas:LocalDatabase:Directory</c>.
/// </summary>
public static partial class DatabaseLocation
{
    public const string ConnectionName = "Atlas";
    public const string LocalDirectorySetting = "Atlas:LocalDatabase:Directory";
    public const string LocalSharedBuffersSetting = "Atlas:LocalDatabase:SharedBuffers";
    public const string DefaultLocalDirectory = "/var/tmp/atlas/postgres";
    private const string LocalDatabase = "atlas";

    /// <summary>
    /// The configured connection string, or that of a local cluster started now; the caller stops that cluster (disposes it)
    /// when it stops.
    /// </summary>
    public static async Task<(string ConnectionString, LocalPostgres? Local)> ResolveAsync(
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            LogConfigured(logger);
            return (configured, null);
        }

        var directory = configuration[LocalDirectorySetting] ?? DefaultLocalDirectory;
        var local = await LocalPostgres.StartAsync(directory, cancellationToken, configuration[LocalSharedBuffersSetting]).ConfigureAwait(false);
        await local.EnsureDatabaseAsync(LocalDatabase, cancellationToken: cancellationToken).ConfigureAwait(false);
        LogLocal(logger, local.RootDirectory, local.Created);
        return (local.ConnectionString(LocalDatabase), local);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the PostgreSQL server of ConnectionStrings:Atlas")]
    private static partial void LogConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "No ConnectionStrings:Atlas configured: started a private PostgreSQL in {Directory} (new cluster: {Created}); it stops when this program stops")]
    private static partial void LogLocal(ILogger logger, string directory, bool created);
}
