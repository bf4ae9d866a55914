using System.Globalization;
using Atlas.Core.Data.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Hosting;

/// <summary>
/// Where a request meets a database outage (<see cref="DatabaseOutage.IsUnavailable"/>): the failure is reported to
/// <see cref="DatabaseOutage"/>, which logs one line per outage instead of a stack trace per request, and the answer is a
/// 503 with Retry-After, a problem+json body in the API and, in the portal, no body, so that the status code pages
/// re-execute the French maintenance page (/erreur/503). It sits inside the exception handlers: anything else goes on to
/// them, a 500 logged with its stack trace, as does a failure after the response has started (its status is sent).
/// </summary>
internal sealed class DatabaseOutageBoundary(RequestDelegate next, DatabaseOutage outage, IServiceScopeFactory scopes)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var knownDown = outage.IsDown;
        try
        {
            await next(context);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && DatabaseOutage.IsUnavailable(e))
        {
            outage.Failed(e);
        }

        // A restart breaks every pooled connection, and the first requests after it would each fail on one (a stray 500 after
        // the probe's restart). Failed has just cleared the pools, so a read tried again gets a fresh connection; not during a
        // known outage, where trying again would only double each request's wait.
        if (!knownDown && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
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
            catch (Exception e) when (!context.Response.HasStarted && DatabaseOutage.IsUnavailable(e))
            {
                outage.Failed(e);
            }
            finally
            {
                context.RequestServices = requestServices;
            }
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (!context.Request.Path.StartsWithSegments("/api")) return;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = $"The atlas's database does not answer for now. Retry in {DatabaseOutage.RetryAfter.TotalSeconds:0} seconds.",
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
            },
        });
    }
}
