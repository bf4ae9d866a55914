using Microsoft.Extensions.Primitives;

namespace Atlas.Web.Hosting;

/// <summary>
/// Shared addresses that name a theme by a key the one tree retired (<see cref="ThemeCrosswalk"/>) keep working: a GET or
/// HEAD whose <c>theme</c> parameter, or whose path under <c>/thematiques/</c> or <c>/api/v1/themes/</c>, holds a retired
/// key answers 301 to the same address with the key that replaced it, on the pages, the API and the exports alike. A
/// third party's client follows the redirect and gets the same results under the new key; Location names that key.
/// </summary>
internal sealed class RetiredThemeKeys(RequestDelegate next)
{
    private static readonly string[] ThemePaths = ["/thematiques", "/api/v1/themes"];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && Redirect(request) is { } location)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static string? Redirect(HttpRequest request)
    {
        var path = request.Path;
        foreach (var prefix in ThemePaths)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest) && rest.Value is { Length: > 1 } key
                && ThemeCrosswalk.Replacement(Uri.UnescapeDataString(key[1..])) is { } newKey)
            {
                path = new PathString(prefix).Add("/" + newKey);
                break;
            }
        }

        var movedQuery = false;
        var query = request.Query.Select(p =>
        {
            if (!string.Equals(p.Key, "theme", StringComparison.Ordinal)) return p;
            var values = p.Value.Select(v => v is null ? v : ThemeCrosswalk.Replacement(v) ?? v).ToArray();
            if (values.SequenceEqual(p.Value, StringComparer.Ordinal)) return p;
            movedQuery = true;
            return KeyValuePair.Create(p.Key, new StringValues(values));
        }).ToList();

        if (!movedQuery && path == request.Path) return null;
        var queryString = movedQuery ? QueryString.Create(query) : request.QueryString;
        return request.PathBase.Add(path).ToUriComponent() + queryString.ToUriComponent();
    }
}
