using Microsoft.AspNetCore.Mvc.Filters;

namespace Atlas.Web.Hosting;

/// <summary>
/// A per-client-IP limit on the POSTs of the account forms anyone may send — sign-in, its two-factor step, the reset request,
/// the account request to come (/compte/demande) — counted together in one bucket and shared by every instance through <see cref="RateLimitCounters"/>,
/// like the API's limit: <c>Atlas:RateLimit:AccountFormsPerMinute</c> (10 by default) a minute. Past it the handler does not
/// run: the page is shown again with status 429, Retry-After, and a form-wide message saying in French when to try again.
/// Put <c>[AccountFormRateLimit]</c> on the page model; the page must render from its bound fields alone, as it does when
/// their validation fails.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed partial class AccountFormRateLimitAttribute : Attribute, IAsyncPageFilter
{
    public const string Bucket = "account";
    public const string Setting = "Atlas:RateLimit:AccountFormsPerMinute";
    /// <summary>Enough for a person who mistypes a few times and asks for a link; the lockout (5 failures) stays the tighter rule per account.</summary>
    public const int DefaultLimit = 10;

    /// <summary>The configured limit, or the default when unset or empty; a value that is not a positive whole number throws.</summary>
    public static int LimitFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value)) return DefaultLimit;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"{Setting} (Atlas__RateLimit__AccountFormsPerMinute) must be a positive whole number of posts a minute, not \"{value}\".");
    }

    public static string TooManyAttempts(int seconds) =>
        $"Trop de tentatives : réessayez dans {seconds} seconde{(seconds > 1 ? "s" : "")}.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || context.HandlerInstance is not PageModel page)
        {
            await next();
            return;
        }

        var services = http.RequestServices;
        var limit = LimitFrom(services.GetRequiredService<IConfiguration>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (requests, windowEnd) = await services.GetRequiredService<RateLimitCounters>().CountAsync(Bucket, client, limit, now, http.RequestAborted);
        if (requests <= limit)
        {
            await next();
            return;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling((windowEnd - now).TotalSeconds));
        LogLimited(services.GetRequiredService<ILogger<AccountFormRateLimitAttribute>>(), client, requests, http.Request.Path);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        // Only this message: the fields' own errors would be about a form that was not looked at.
        page.ModelState.Clear();
        page.ModelState.AddModelError("", TooManyAttempts(retryAfter));
        context.Result = new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached by {Client}: {Requests} account form posts this minute, the last to {Path}")]
    private static partial void LogLimited(ILogger logger, string client, int requests, PathString path);
}
