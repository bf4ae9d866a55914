using Atlas.Core.Paging;

namespace Atlas.Web.Api.Lists;

/// <summary>The 200 answer of every list: a keyset page of Core's rows, each made the list's DTO.</summary>
internal static class ListAnswer
{
    public static IResult Ok<TRow, TItem>(KeysetPage<TRow> page, Func<TRow, TItem> item) =>
        Results.Ok(new Page<TItem>(page.Items.Select(item).ToList(), page.Next?.Encode(), page.Total, page.TotalIsExact));
}
