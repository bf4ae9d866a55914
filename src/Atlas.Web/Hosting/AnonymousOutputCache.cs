using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Hosting;

/// <summary>
/// Output caching of anonymous reads (pages and API), correct across instances: every entry is keyed on the data version
/// that the data_versions triggers move on any write, from any instance or tool, read at most once a second per instance
/// (<see cref="DataVersionReader"/>), from the server the request reads from (<see cref="DatabaseRoute.Versions"/>): a
/// page rendered from a replica that has not replayed an edit is keyed on the older version it shows. After an edit anywhere, every instance misses within a second and renders afresh;
/// entries of older versions are evicted when an instance first sees the new one. Nothing is cached for a signed-in person
/// or a client with credentials, nor a response that sets a cookie, carries antiforgery tokens (no-store) or is not 200,
/// nor one drawn from stored counts older than the data (<see cref="StaleCounts"/>).
/// </summary>
internal sealed class AnonymousOutputCache(TimeProvider clock) : IOutputCachePolicy
{
    public const string Setting = "Atlas:OutputCache:Enabled";
    public const string DataTag = "data";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly string[] PrivatePaths = ["/compte", "/relecture", "/admin", "/espace", "/health", "/bench", "/swagger", "/erreur"];
    // Pages with a [TempData] notice send a deletion of this cookie even to a client that has none.
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private long _seenVersion;

    public static void AddTo(IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            // Whole-table exports stream past this and are not kept: memory stays flat.
            o.MaximumBodySize = 4L * 1024 * 1024;
            o.DefaultExpirationTimeSpan = Lifetime;
        });
        services.AddSingleton<AnonymousOutputCache>();
        services.AddOptions<OutputCacheOptions>().Configure<AnonymousOutputCache>((o, policy) => o.AddBasePolicy(policy));
    }

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Cookies.ContainsKey(TempDataCookie)
            && !PrivatePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !request.Path.Value!.EndsWith("/modifier", StringComparison.OrdinalIgnoreCase)
            && !request.Path.Value!.EndsWith("/historique", StringComparison.OrdinalIgnoreCase)
            // TextInputGuard took refused fields out of the query: the cached page of what is left would hide their messages.
            && http.Features.Get<RefusedTextInput>() is null;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return;

        // Headers earlier middleware set for this request (rate-limit counters, security headers) win over the stored
        // copies a cache hit replays; and deleting a cookie this client does not have (checked above) says nothing about
        // anyone, so it is dropped. OnStarting callbacks run last-registered first: after the hit's headers are copied
        // and after the page's TempData has been saved.
        var ownHeaders = http.Response.Headers.ToList();
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            foreach (var (name, value) in ownHeaders) headers[name] = value;
            var cookies = headers.SetCookie;
            if (cookies.Count > 0 && cookies.All(c => c is not null && c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal)))
                headers.Remove(HeaderNames.SetCookie);
            return Task.CompletedTask;
        });

        // The version of the server this request reads from (the replica's, or the primary's: DatabaseRoute).
        var version = (await http.RequestServices.GetRequiredService<DatabaseRoute>().Versions.ChangedAtAsync(cancellation)).UtcTicks;
        // Older entries are evicted when a newer version is first seen; a replica a little behind the primary (reads fall
        // back and return) shows an older one, whose entries are still right for it and are kept.
        var seen = Interlocked.Read(ref _seenVersion);
        while (version > seen)
        {
            var was = Interlocked.CompareExchange(ref _seenVersion, version, seen);
            if (was == seen)
            {
                if (seen != 0) await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DataTag, cancellation);
                break;
            }
            seen = was;
        }

        context.Tags.Add(DataTag);
        context.CacheVaryByRules.VaryByValues["data"] = version.ToString(CultureInfo.InvariantCulture);
        // A download is named after the day (atlas-projets-2026-12-06.csv): an answer kept from yesterday would carry yesterday's name.
        context.CacheVaryByRules.VaryByValues["day"] = Pages.Shared.Format.Day(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new[] { HeaderNames.Accept, HeaderNames.AcceptLanguage };
        context.ResponseExpirationTimeSpan = Lifetime;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || http.User.Identity?.IsAuthenticated == true
            || StaleCounts.Served(http))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
