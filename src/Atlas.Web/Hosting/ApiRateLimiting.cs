namespace Atlas.Web.Hosting;

/// <summary>
/// A per-client-IP limit on API requests in fixed one-minute windows, enforced across every web instance through the
/// counters of <see cref="RateLimitCounters"/>: RateLimit-* headers on every answer, 429 with Retry-After past the limit.
/// </summary>
internal sealed partial class ApiRateLimiting(RequestDelegate next, RateLimitCounters counters, TimeProvider clock, IConfiguration configuration,
    ILogger<ApiRateLimiting> logger)
{
    public const string Bucket = "api";
    private readonly int _limit = configuration.GetValue("Atlas:RateLimit:RequestsPerMinute", 600);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var now = clock.GetUtcNow();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limit = _limit;
        var (requests, windowEnd) = await counters.CountAsync(Bucket, client, limit, now, context.RequestAborted);
        var reset = Math.Max(1, (int)Math.Ceiling((windowEnd - now).TotalSeconds));

        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, limit - requests).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);

        if (requests > limit)
        {
            LogLimited(logger, client, requests);
            headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            await problems.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This client made more than {limit} API requests in a minute. Retry after {reset} s; bulk downloads are at /api/v1/exports.",
                "https://www.rfc-editor.org/rfc/rfc6585#section-4");
            return;
        }
        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached by {Client}: {Requests} API requests this minute")]
    private static partial void LogLimited(ILogger logger, string client, int requests);
}
