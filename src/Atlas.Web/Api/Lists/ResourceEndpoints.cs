namespace Atlas.Web.Api.Lists;

/// <summary>
/// The two read endpoints most resources have, described alike in the OpenAPI document: a list (200 with a
/// <see cref="Page{T}"/>, 400 naming each bad parameter) and one record (200, or 404 when there is none).
/// </summary>
internal static class ResourceEndpoints
{
    /// <summary>
    /// A list: what it holds (<paramref name="description"/>), then how every list pages, its filters, its sorts
    /// (<paramref name="sorts"/> names the keys and the default, <paramref name="sortExample"/> a descending one).
    /// </summary>
    public static RouteHandlerBuilder MapList<TItem>(this IEndpointRouteBuilder group, Delegate handler, string name, string summary, string description,
        IReadOnlyList<ApiParameter> filters, string sorts, string sortExample) =>
        group.MapWholeList<TItem>(handler, name, summary,
            description + " A page at a time in the requested order: pass the answer's nextCursor as cursor to get the next page. " +
                "Unknown parameters are refused with 400.",
            ApiParameter.Paged(filters, sorts, sortExample));

    /// <summary>A list answered in the same envelope as the paged ones, on one page (the theme tree).</summary>
    public static RouteHandlerBuilder MapWholeList<TItem>(this IEndpointRouteBuilder group, Delegate handler, string name, string summary, string description,
        IReadOnlyList<ApiParameter> parameters) =>
        group.MapGet("/", handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .WithApiParameters(parameters)
            .Produces<Page<TItem>>()
            .ProducesValidationProblem();

    /// <summary>Documents the parameters a handler reads from the query string as a whole, or describes those it binds.</summary>
    public static RouteHandlerBuilder WithApiParameters(this RouteHandlerBuilder endpoint, IReadOnlyList<ApiParameter> parameters) =>
        endpoint.WithMetadata([.. parameters]);

    public static RouteHandlerBuilder MapRecord<TRecord>(this IEndpointRouteBuilder group, string pattern, Delegate handler, string name, string summary, string description) =>
        group.MapGet(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description)
            .Produces<TRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
