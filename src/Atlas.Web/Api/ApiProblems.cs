namespace Atlas.Web.Api;

/// <summary>Every API error is an RFC 9457 problem+json body; nothing else (no HTML page, no stack trace) leaves /api.</summary>
internal static class ApiProblems
{
    public static IResult BadParameter(string parameter, string detail) => Results.Problem(new ValidationProblemDetails(
        new Dictionary<string, string[]> { [parameter] = [detail] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid request parameter",
        Detail = $"{parameter}: {detail}",
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    });

    public static IResult BadParameters(IDictionary<string, string[]> errors) => Results.Problem(new ValidationProblemDetails(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid request parameters",
        Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    });

    public static IResult NotFound(string detail) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail, type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5");

    public static IResult UriTooLong(int maxQueryLength) => Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "URI too long",
        detail: $"The query string is longer than {maxQueryLength} characters. Narrow the request with fewer or shorter parameters; bulk downloads are at /api/v1/exports.",
        type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15");

    public static void UseAtlasApiErrors(this IApplicationBuilder api)
    {
        api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        api.UseStatusCodePages();
    }
}
