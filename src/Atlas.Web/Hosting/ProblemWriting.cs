namespace Atlas.Web.Hosting;

/// <summary>
/// An RFC 9457 problem written by a middleware or a handler, outside any endpoint: through the app's problem-details
/// service, so that it carries what every problem of the API carries, with its status code set on the response.
/// </summary>
internal static class ProblemWriting
{
    public static ValueTask WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, int status, string title, string detail, string type)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type },
        });
    }
}
