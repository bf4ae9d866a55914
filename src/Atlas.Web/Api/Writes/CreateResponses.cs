namespace Atlas.Web.Api.Writes;

internal static class CreateResponses
{
    /// <summary>A create route with its OpenAPI texts: the four creates differ only in these.</summary>
    public static RouteHandlerBuilder MapCreate<TBody, TCreated>(this RouteGroupBuilder api, string pattern, Delegate handler, string tag, string name,
        string summary, string description) where TBody : notnull =>
        api.MapPost(pattern, handler).WithTags(tag).WithName(name).WithSummary(summary).WithDescription(description).Creates<TBody, TCreated>();

    /// <summary>A create route: its body, its 201 answer, and the errors a create answers with.</summary>
    public static RouteHandlerBuilder Creates<TBody, TCreated>(this RouteHandlerBuilder builder) where TBody : notnull => builder
        .RequireAuthorization(ApiTokenAuthentication.Policy)
        .Accepts<TBody>("application/json")
        .Produces<TCreated>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
