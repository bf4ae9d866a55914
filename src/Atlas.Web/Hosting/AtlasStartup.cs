using System.Security.Cryptography.X509Certificates;

namespace Atlas.Web.Hosting;

/// <summary>
/// What the start-up learns before the host exists and needs after it is built: where the database is (and the private
/// PostgreSQL started for it, if any), the log that reports the start, and the certificate that encrypts the key ring.
/// </summary>
internal sealed class AtlasStartup : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private AtlasStartup(ILoggerFactory loggerFactory, string connectionString, LocalPostgres? localPostgres)
    {
        _loggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger("Atlas.Startup");
        ConnectionString = connectionString;
        LocalPostgres = localPostgres;
    }

    /// <summary>For the lines written before the host is built (which database, a private PostgreSQL started or stopped).</summary>
    public ILogger Logger { get; }

    public string ConnectionString { get; }

    /// <summary>The private cluster started because no connection string is configured; null with a configured server.</summary>
    public LocalPostgres? LocalPostgres { get; }

    /// <summary>Set by <see cref="AtlasPortal.AddAtlasPortal"/>: the key ring's certificate, null when the keys are stored unencrypted.</summary>
    public X509Certificate2? KeyRingCertificate { get; set; }

    /// <summary>The configured database, or a private PostgreSQL started now (<see cref="DatabaseLocation"/>).</summary>
    public static async Task<AtlasStartup> FindDatabaseAsync(IConfiguration configuration)
    {
        var loggerFactory = AtlasLogging.CreateStartupLoggerFactory(configuration);
        try
        {
            var (connectionString, localPostgres) = await DatabaseLocation.ResolveAsync(configuration, loggerFactory.CreateLogger("Atlas.Startup"));
            return new AtlasStartup(loggerFactory, connectionString, localPostgres);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    public void Dispose() => _loggerFactory.Dispose();
}
