namespace Atlas.Web.Hosting;

/// <summary>
/// The one place where a request's reads are routed: an anonymous read (GET or HEAD, nobody signed in, no token, no session
/// or notice cookie, not an account, review or administration page) goes to the read replica while it is usable
/// (<see cref="ReadReplica.Usable"/>); everything else (writes, editors' pages, whatever a signed-in person reads, so that
/// an editor sees their own change at once, and work outside a request such as the stored counts' refresh) goes to the
/// primary. Decided once per scope, when its database context or data version is first needed, so that a request never
/// mixes the two servers; a retry in a new scope decides again.
/// </summary>
internal sealed class DatabaseRoute(IHttpContextAccessor http, DataVersionReader primaryVersions, ReadReplica? replica = null)
{
    private static readonly string[] PrimaryPaths = ["/compte", "/relecture", "/admin", "/espace"];
    private bool? _readOnly;

    /// <summary>Whether this scope reads from the replica.</summary>
    public bool ReadOnly => _readOnly ??= replica is { Usable: true } && http.HttpContext is { } context && IsAnonymousRead(context);

    /// <summary>The data version of the server this scope reads from: what its caches and ETags are keyed on.</summary>
    public DataVersionReader Versions => ReadOnly ? replica!.Versions : primaryVersions;

    public static bool IsAnonymousRead(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
            // Before authentication has run, the cookies tell: a signed-in person's session, or a notice after a form just posted.
            && !request.Cookies.Keys.Any(k => k.StartsWith(AccountsSetup.SessionCookie, StringComparison.Ordinal)
                || k.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal))
            && !PrimaryPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
