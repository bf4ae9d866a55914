using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Atlas.Web.Hosting;

/// <summary>
/// ETag, Last-Modified (once the change's second is over: see <see cref="DataVersionReader.Reading"/>) and Cache-Control
/// on every API GET, and 304 for a client that already has the answer. An answer depends only on the build, the URL and
/// the data, so the tag is derived from those three: a revalidation costs one primary-key read instead of the query, and
/// every instance computes the same tag. The data version is that of the server the request reads from
/// (<see cref="DatabaseRoute.Versions"/>), so that a replica's answer is tagged with the version it shows.
/// </summary>
internal sealed class ApiConditionalGet(RequestDelegate next)
{
    public const string CacheControl = "public, max-age=60";
    private static readonly string Build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N");

    public async Task InvokeAsync(HttpContext context, DatabaseRoute route)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var (changedAt, lastModified) = await route.Versions.ReadAsync(context.RequestAborted);
        var etag = Tag(changedAt, request.Path + request.QueryString);

        if (NotModified(request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetHeaders(context.Response, etag, lastModified);
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK && !StaleCounts.Served(context))
            {
                SetHeaders(context.Response, etag, lastModified);
                // An answer to a token's owner (an editable record with contacts' e-mails) is theirs: no shared cache keeps it.
                if (request.Headers.ContainsKey(HeaderNames.Authorization)) context.Response.Headers.CacheControl = "private, no-store";
            }
            else context.Response.Headers.CacheControl = "no-cache";
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
        }
        // Without a date of its own (its second is still running) the data may have changed since any date a client holds.
        return lastModified is { } modified
            && DateTimeOffset.TryParseExact(request.Headers.IfModifiedSince.ToString(), "r", CultureInfo.InvariantCulture,
                   DateTimeStyles.AssumeUniversal, out var since)
            && modified <= since;
    }

    private static void SetHeaders(HttpResponse response, string etag, DateTimeOffset? lastModified)
    {
        // An editable record answers its own version as ETag: the If-Match its next change sends back.
        if (response.Headers.ETag.Count == 0) response.Headers.ETag = etag;
        if (lastModified is { } modified) response.Headers.LastModified = modified.ToString("r", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = CacheControl;
    }

    private static string Tag(DateTimeOffset changedAt, string url)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Build}|{changedAt.UtcTicks}|{url}"));
        return $"\"{Convert.ToHexStringLower(hash, 0, 12)}\"";
    }
}
