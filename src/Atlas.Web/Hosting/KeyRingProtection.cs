using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Atlas.Web.Hosting;

/// <summary>
/// The data-protection key ring (what signs session and antiforgery cookies) lives in PostgreSQL so that every instance
/// shares it, and is encrypted there with a certificate's public key: a database dump alone cannot forge a cookie.
/// The certificate comes from configuration. The zero-configuration run (no connection string, a private PostgreSQL)
/// makes one of its own beside that cluster on first start; an external database without one refuses to start in
/// production rather than keep the keys readable.
/// </summary>
internal static partial class KeyRingProtection
{
    public const string Section = "Atlas:DataProtection";
    public const string CertificatePathSetting = Section + ":CertificatePath";
    public const string CertificatePasswordSetting = Section + ":CertificatePassword";
    public const string CreateCertificateSetting = Section + ":CreateCertificate";
    public const string LocalFileName = "data-protection.pfx";

    /// <summary>Registers the key ring in PostgreSQL, encrypted with the configured (or local) certificate; answers that certificate.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">Where the certificate settings are read.</param>
    /// <param name="environment">Production refuses unencrypted keys.</param>
    /// <param name="localDatabaseDirectory">The private PostgreSQL's folder when the app started one; null with a configured server.</param>
    /// <param name="logger">The start-up log.</param>
    public static X509Certificate2? AddAtlasDataProtection(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, string? localDatabaseDirectory, ILogger logger)
    {
        var builder = services.AddDataProtection().SetApplicationName("Atlas");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);

        var path = configuration[CertificatePathSetting] is { Length: > 0 } configured ? configured : null;
        var create = configuration.GetValue(CreateCertificateSetting, false);
        if (path is null && localDatabaseDirectory is not null)
        {
            path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(localDatabaseDirectory).TrimEnd('/'))!, "keys", LocalFileName);
            create = true;
        }
        if (path is null)
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "The data-protection keys would be stored unencrypted in the database. Set Atlas__DataProtection__CertificatePath to a " +
                    "PKCS#12 (.pfx) file with an RSA key (and Atlas__DataProtection__CertificatePassword if it has one), or add " +
                    "Atlas__DataProtection__CreateCertificate=true to let the app create that file on first start. Every instance must use the same file.");
            }
            LogUnencrypted(logger, environment.EnvironmentName);
            return null;
        }

        var password = configuration[CertificatePasswordSetting];
        var certificate = File.Exists(path) ? Load(path, password)
            : create ? Create(path, password, logger)
            : throw new InvalidOperationException($"The data-protection certificate {path} (Atlas__DataProtection__CertificatePath) does not exist.");
        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return certificate;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"The data-protection certificate {path} needs an RSA private key.");
        return certificate;
    }

    /// <summary>A self-signed certificate only this app's user reads (<see cref="PrivateFiles"/>).</summary>
    private static X509Certificate2 Create(string path, string? password, ILogger logger)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Atlas data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        // Another instance starting at the same moment may have made it first: then theirs is used, so that both read the same keys.
        if (PrivateFiles.WriteAsync(path, created.Export(X509ContentType.Pkcs12, password), overwrite: false, logger).GetAwaiter().GetResult())
            LogCreated(logger, path);
        return Load(path, password);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Created the certificate that encrypts the data-protection keys in the database: {Path} (readable by this user only; keep it with the database)")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The data-protection keys are stored unencrypted ({Environment} environment, no Atlas__DataProtection__CertificatePath): acceptable for development only")]
    private static partial void LogUnencrypted(ILogger logger, string environment);
}
