namespace Atlas.Web.Api.Lists;

/// <summary>
/// A query parameter as the OpenAPI document describes it (<see cref="QueryParameterDocs"/>), carried as endpoint metadata.
/// Handlers read the query string as a whole (<see cref="ApiQuery"/>) so that a bad or unknown parameter is named; a list's
/// filters are declared once, here, for the list, its downloads and its IATI file alike.
/// </summary>
internal sealed record QueryParameter(string Name, string Description, IReadOnlyList<string>? Values = null)
{
    /// <summary>The page size of every list.</summary>
    public static readonly QueryParameter Limit = new("limit", "Page size, 1 to 100 (default 20).");

    /// <summary>Where a list's next page starts.</summary>
    public static readonly QueryParameter Cursor = new("cursor", "The nextCursor of the previous page (with the same sort).");

    /// <summary>
    /// A list's parameters: its filters, then the order (<paramref name="sorts"/> names the sort keys and the default,
    /// <paramref name="example"/> a descending one), the page size and the cursor, as <see cref="ApiQuery.TryReadList"/> reads them.
    /// </summary>
    public static IReadOnlyList<QueryParameter> Paged(IReadOnlyList<QueryParameter> filters, string sorts, string example) =>
        [.. filters, new("sort", $"{sorts}; prefix with - for descending order ({example})."), Limit, Cursor];
}
