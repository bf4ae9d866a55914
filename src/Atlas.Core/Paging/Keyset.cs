namespace Atlas.Core.Paging;

public static class Keyset
{
    /// <summary>Counts the rows (up to the limit), then reads one page of them in the requested order after the cursor.</summary>
    public static async Task<KeysetPage<TRow>> PageAsync<TRow>(
        this IQueryable<TRow> rows, IReadOnlyDictionary<string, SortField<TRow>> sorts, ListRequest request, CancellationToken ct,
        Func<Task<(int Total, bool IsExact)>>? count = null)
    {
        var field = sorts[request.Sort];
        var (total, exact) = await (count ?? (() => ExactCountLimit.Default.CountAsync(rows, ct)))().ConfigureAwait(false);
        var items = await field.Apply(rows, request.Descending, request.After).Take(request.Limit + 1).ToListAsync(ct).ConfigureAwait(false);
        KeysetCursor? next = null;
        if (items.Count > request.Limit)
        {
            items.RemoveAt(items.Count - 1);
            next = field.CursorAfter(items[^1], SortCode(request));
        }
        return new KeysetPage<TRow>(items, next, total, exact);
    }

    /// <summary>"name" or "-name": the sort a cursor belongs to.</summary>
    public static string SortCode(ListRequest request) => (request.Descending ? "-" : "") + request.Sort;
}
