using Atlas.Core.Paging;

namespace Atlas.Web.Api.Lists;

/// <summary>The 200 answer of every list: a keyset page of Core's rows, each made the list's DTO.</summary>
internal static class ListAnswer
{
    public static IResult Ok<TRow, TItem>(KeysetPage<TRow> page, Func<TRow, TItem> item) =>
        Results.Ok(new Page<TItem>(page.Items.Select(item).ToList(), page.Next?.Encode(), page.Total, page.TotalIsExact));

    /// <summary>
    /// A list's GET: reads its filter, sort, limit and cursor from the query string as a whole, so that a bad or unknown
    /// parameter is named (<see cref="ApiParameter"/> documents them), then answers the page or the problem.
    /// </summary>
    public static async Task<IResult> ReadAsync<TFilter, TSorted, TRow, TItem>(
        HttpContext http, ReferenceCatalog catalog, Func<ApiQuery, ReferenceCatalog.Snapshot, TFilter?> readFilter,
        IReadOnlyDictionary<string, SortField<TSorted>> sorts, Func<TFilter, ListRequest, ReferenceCatalog.Snapshot, Task<KeysetPage<TRow>>> list,
        Func<TRow, ReferenceCatalog.Snapshot, TItem> item, CancellationToken ct)
        where TFilter : class
    {
        var reference = await catalog.GetAsync(ct);
        var query = new ApiQuery(http.Request.Query);
        if (!query.TryReadList(read => readFilter(read, reference), sorts, "id", out var filter, out var request)) return query.Problem();
        return Ok(await list(filter, request, reference), row => item(row, reference));
    }
}
