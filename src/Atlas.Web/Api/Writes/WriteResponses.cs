namespace Atlas.Web.Api.Writes;

internal static class WriteResponses
{
    /// <summary>The errors every write answers with, as problem+json.</summary>
    public static RouteHandlerBuilder WriteErrors(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
