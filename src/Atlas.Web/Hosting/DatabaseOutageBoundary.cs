using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Atlas.Web.Hosting;

/// <summary>
/// Where a request meets a database outage (<see cref="DatabaseOutage.IsUnavailable"/>): the failure is reported to
/// <see cref="DatabaseOutage"/>, which logs one line per outage instead of a stack trace per request, and the answer is a
/// 503 with Retry-After, a problem+json body in the API and, in the portal, no body, so that the status code pages
/// re-execute the French maintenance page (/erreur/503). It sits inside the exception handlers: anything else goes on to
/// them, a 500 logged with its stack trace, as does a failure after the response has started (its status is sent).
/// PostgreSQL stopped for 10.7 s under load used to give 1,212 answers 500.
/// A read that failed on the read replica (<see cref="DatabaseRoute"/>) marks it unavailable (<see cref="ReadReplica.Failed"/>)
/// and is tried again at once on the primary, which is not in outage for it.
/// </summary>
internal sealed partial class DatabaseOutageBoundary(
    RequestDelegate next, DatabaseOutage outage, IServiceScopeFactory scopes, ILogger<DatabaseOutageBoundary> logger, ReadReplica? replica = null)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var started = Stopwatch.GetTimestamp();
        var knownDown = outage.IsDown;
        Exception failure;
        try
        {
            await next(context);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && (DatabaseOutage.IsUnavailable(e) || DatabaseOutage.IsBrokenConnection(e)))
        {
            failure = e;
        }

        // The replica failed, not the primary: the retry below reads from the primary (a new scope decides its route again).
        var onReplica = replica is not null && context.RequestServices.GetService<DatabaseRoute>()?.ReadOnly == true && replica.Failed(failure);
        var unavailable = !onReplica && outage.Failed(failure, started);
        if (!unavailable && !onReplica) outage.ClearPools();
        // A read is tried once more on a fresh connection (the pools have just been cleared): after a restart nobody saw, the
        // first requests would each meet a pooled connection it broke, and a connection opened while PostgreSQL restarts can
        // break inside Npgsql itself (the probe's stray 500). Not when the outage was already known: trying again would only
        // double each request's wait. A connection that breaks inside Npgsql again is answered 503 too, with a warning
        // line: the retry's connection was opened while PostgreSQL restarted (one request in 2,129 of a restart under load
        // met it, a 500 in CI), and a 503 says to come back, which is true.
        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (read && (onReplica || !(unavailable && knownDown)))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            var requestServices = context.RequestServices;
            // The failed attempt's scoped services (its DbContext) are not reused.
            await using var scope = scopes.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context);
                return;
            }
            catch (Exception e) when (!context.Response.HasStarted && (DatabaseOutage.IsUnavailable(e) || DatabaseOutage.IsBrokenConnection(e)))
            {
                if (!outage.Failed(e, started)) LogBrokenTwice(logger, context.Request.Path, e.GetType().Name, e.Message);
            }
            finally
            {
                context.RequestServices = requestServices;
            }
        }
        else if (!unavailable && !onReplica)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (!ApiPath.Matches(context.Request.Path)) return;
        await problems.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Service temporarily unavailable",
            $"The atlas's database does not answer for now. Retry in {DatabaseOutage.RetryAfter.TotalSeconds:0} seconds.",
            "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A database connection broke inside Npgsql twice in a row for {Path} ({Exception}: {Reason}): answered 503")]
    private static partial void LogBrokenTwice(ILogger logger, PathString path, string exception, string reason);
}
