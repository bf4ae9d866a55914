using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>The whole web host on its own copy of the demo database.</summary>
public sealed class AtlasApp(string connectionString, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    // Tests make many requests from one client; the limit itself is tested with a low one.
    private const string GenerousRateLimit = "1000000";
    /// <summary>The portal's public address in tests: not the test client's origin (https://localhost), so that a link built from the request would show.</summary>
    public const string PublicBaseUrl = "https://atlas.test";

    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// The certificate that encrypts the key ring of every app of this test run, as a production operator would give one
    /// (the first app to start creates it); <see cref="TestDatabase"/> deletes its folder at the end of the run.
    /// </summary>
    public static string KeyRingCertificate { get; } =
        Path.Combine(Path.GetTempPath(), $"atlas-tests-keys-{Environment.ProcessId}", "data-protection.pfx");

    /// <summary>Starts the app on a new copy of the demo database, with these settings and, last, these changes to its services.</summary>
    public static async Task<AtlasApp> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null) =>
        Started(new AtlasApp(await database.CreateDemoDatabaseAsync(), settings, services));

    /// <summary>Another instance of the web tier on the same database, as behind a load balancer, with the same settings and services.</summary>
    public AtlasApp AnotherInstance() => Started(new AtlasApp(ConnectionString, settings, services));

    private static AtlasApp Started(AtlasApp app)
    {
        _ = app.Server; // start now, so that migrations and data loading happen before the first test
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Atlas", ConnectionString);
        builder.UseSetting("Atlas:RateLimit:RequestsPerMinute", GenerousRateLimit);
        builder.UseSetting("Atlas:RateLimit:AccountFormsPerMinute", GenerousRateLimit);
        builder.UseSetting("Atlas:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Atlas:DataProtection:CertificatePath", KeyRingCertificate);
        builder.UseSetting("Atlas:DataProtection:CreateCertificate", "true");
        // Tests edit, then read the figures at once: the first read after an edit computes them (tests of the background refresh turn it back on).
        builder.UseSetting("Atlas:Snapshots:RefreshInBackground", "false");
        // The monthly reminder would go out at start to whatever accounts exist then: its tests send it themselves, with a fake clock.
        builder.UseSetting("Atlas:Freshness:SendReminders", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public async Task<IDocument> GetDocumentAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address("http://localhost" + url), TestContext.Current.CancellationToken);
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
