namespace Atlas.Web.Hosting;

/// <summary>
/// Which requests the API's rules apply to (problem+json errors, CORS, rate limit, ETag, HEAD): everything under /api/,
/// but not /api itself, the portal's French page about the API, which is a page like the others.
/// </summary>
internal static class ApiPath
{
    public const string Prefix = "/api";

    public static bool Matches(PathString path) =>
        path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value != "/";
}
