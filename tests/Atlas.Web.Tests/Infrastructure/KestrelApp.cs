using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// The app on real Kestrel, on loopback over HTTP and HTTPS (a certificate made for the test): for what the in-memory test
/// server cannot show, such as the Server header, HSTS over TLS, HTTPS redirection and the client's address.
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private KestrelApp(AtlasApp app, Uri http, Uri https)
    {
        App = app;
        Http = http;
        Https = https;
    }

    public AtlasApp App { get; }
    public Uri Http { get; }
    public Uri Https { get; }

    /// <summary>Starts the app on <paramref name="connectionString"/>; <paramref name="settings"/> may use {httpsPort}.</summary>
    public static KestrelApp Start(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var httpsPort = FreePort();
        var resolved = (settings ?? new Dictionary<string, string>())
            .ToDictionary(s => s.Key, s => s.Value.Replace("{httpsPort}", httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var app = new AtlasApp(connectionString, resolved);
        var certificate = Certificate();
        app.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, httpsPort, l => l.UseHttps(certificate));
        });
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a)).ToList();
        return new KestrelApp(app, addresses.Single(a => a.Scheme == "http"), addresses.Single(a => a.Scheme == "https"));
    }

    /// <summary>A client that sees each answer as it is: no redirect followed, no cookie kept, the test certificate trusted.</summary>
    public static HttpClient Client(Uri baseAddress) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = baseAddress };

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
