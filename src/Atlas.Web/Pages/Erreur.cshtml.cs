using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Atlas.Web.Pages;

/// <summary>
/// The French error page, for the status-code re-execution (/erreur/404, /erreur/503 in a database outage) and the
/// exception handler (/erreur), whatever the original method; it keeps the original status and never shows a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErreurModel : PageModel
{
    /// <summary>The status of the response: the route's code on a re-execution or a direct visit, else the current one.</summary>
    public int Code => RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), out var code)
        ? code : Response.StatusCode;

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    /// <summary>A 503: the database does not answer (<see cref="DatabaseOutage"/>); the page says to come back shortly.</summary>
    public bool IsUnavailable => Code == StatusCodes.Status503ServiceUnavailable;

    // No handler methods: the page answers whatever method the failed request had (TRACE, PROPFIND…), so it runs here.
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (IsUnavailable) Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
        {
            // Visited directly: answer with the status the page describes, never 200 for an error page.
            Response.StatusCode = Code is >= 400 and <= 599 ? Code : StatusCodes.Status404NotFound;
            if (Code is < 400 or > 599) RouteData.Values["code"] = StatusCodes.Status404NotFound;
        }
        // Rendered here for every method: without a handler, Razor Pages would answer an OPTIONS request 200 with no body.
        context.Result = Page();
    }
}
