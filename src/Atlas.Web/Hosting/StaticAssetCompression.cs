using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Hosting;

/// <summary>
/// Brotli/gzip for text answers (pages, JSON, CSV, CSS, JS) and long-lived caching of fingerprinted static files
/// (<c>asp-append-version</c> adds <c>?v=hash</c>, so a changed file gets a new URL). Compression is left out for requests
/// carrying credentials (session cookie, Authorization): a page holding secrets is not compressed (BREACH).
/// </summary>
internal static class StaticAssetCompression
{
    private const string SessionCookie = "atlas.session";

    public static IServiceCollection AddStaticAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "text/csv", "application/x-ndjson", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseStaticAssetCompression(this IApplicationBuilder app) => app.UseWhen(
        c => !c.Request.Cookies.ContainsKey(SessionCookie) && !c.Request.Headers.ContainsKey(HeaderNames.Authorization),
        anonymous => anonymous.UseResponseCompression());

    public static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
    }
}
