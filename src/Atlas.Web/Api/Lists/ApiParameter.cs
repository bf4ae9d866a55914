namespace Atlas.Web.Api.Lists;

/// <summary>
/// A parameter as the OpenAPI document describes it (<see cref="ApiParameterDocs"/>), carried as endpoint metadata, so that
/// handlers shared by several resources are described resource by resource. Query parameters are read from the query string as
/// a whole (<see cref="ApiQuery"/>) so that a bad or unknown one is named; a list's filters are declared once, for the list,
/// its downloads and its IATI file alike.
/// </summary>
internal sealed record ApiParameter(string Name, string Description, IReadOnlyList<string>? Values = null, ApiParameterIn In = ApiParameterIn.Query)
{
    /// <summary>The page size of every list.</summary>
    public static readonly ApiParameter Limit = new("limit", "Page size, 1 to 100 (default 20).");

    /// <summary>Where a list's next page starts.</summary>
    public static readonly ApiParameter Cursor = new("cursor", "The nextCursor of the previous page (with the same sort).");

    /// <summary>
    /// A list's parameters: its filters, then the order (<paramref name="sorts"/> names the sort keys and the default,
    /// <paramref name="example"/> a descending one), the page size and the cursor, as <see cref="ApiQuery.TryReadList"/> reads them.
    /// </summary>
    public static IReadOnlyList<ApiParameter> Paged(IReadOnlyList<ApiParameter> filters, string sorts, string example) =>
        [.. filters, new("sort", $"{sorts}; prefix with - for descending order ({example})."), Limit, Cursor];
}
