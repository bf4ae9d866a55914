using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace Atlas.Web.Hosting;

/// <summary>
/// How the portal meets the network: behind a reverse proxy it trusts only the proxies it is told of, over HTTPS it says so
/// for a year (HSTS) and marks every cookie Secure, and it names no server software.
/// </summary>
internal static class TransportSecurity
{
    public const string ForwardedHeadersSection = "Atlas:ForwardedHeaders";
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// Kestrel answers a request line longer than this with a bare 414 before the app sees it; up to it, the app answers
    /// problem+json itself (<see cref="TextInputGuard"/> and the filters' own length rules). 128 KB is 16 times Kestrel's default.
    /// </summary>
    public const int MaxRequestLineBytes = 128 * 1024;

    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes + 32 * 1024;
        });

        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = Values(configuration.GetSection(ForwardedHeadersSection + ":KnownProxies"));
            var networks = Values(configuration.GetSection(ForwardedHeadersSection + ":KnownNetworks"));
            // Unset, ASP.NET Core's defaults stand: only a proxy on this machine (loopback) is believed.
            if (proxies.Count == 0 && networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
            // ASP.NET Core leaves out localhost by default; outside development a loopback name is served as any other.
            if (!development) options.ExcludedHosts.Clear();
        });
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            // Every cookie, whoever sets it (Identity, antiforgery, TempData): Secure outside development, never read by scripts.
            options.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        builder.Services.Configure<HttpsRedirectionOptions>(options => options.HttpsPort = HttpsPort(configuration));
        return builder;
    }

    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Redirect only when there is an HTTPS address to go to: without one the middleware would warn on every start.
        // Health probes of a load balancer come over plain HTTP from inside and must not be redirected.
        if (HttpsPort(app.Configuration) is not null || ServesHttps(app.Configuration))
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), a => a.UseHttpsRedirection());
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// The HTTPS port to redirect to: ASP.NET Core's https_port setting (ASPNETCORE_HTTPS_PORT), which an operator behind a
    /// TLS proxy sets to 443 so that a request the proxy marks as plain HTTP is sent to HTTPS.
    /// </summary>
    private static int? HttpsPort(IConfiguration configuration) => int.TryParse(configuration["https_port"], out var port) ? port : null;

    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["HTTPS_PORTS"]);

    /// <summary>A list setting given as an array (KnownProxies:0, KnownProxies:1) or as one comma-separated value.</summary>
    private static List<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [])
        .Concat(section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0))
        .ToList();
}
