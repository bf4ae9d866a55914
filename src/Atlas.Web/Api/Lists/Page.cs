namespace Atlas.Web.Api.Lists;

/// <summary>A page of a list: the same envelope for every list of the API.</summary>
/// <param name="Items">The records of this page.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> to get the next page; null on the last page.</param>
/// <param name="Total">How many records match the filters, over all pages: counted exactly up to 20,000; beyond, 20,000 and totalIsExact is false.</param>
/// <param name="TotalIsExact">False when more records match than were counted: total is then a lower bound (follow nextCursor to the end, or use /api/v1/exports, for all of them).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int Total, bool TotalIsExact);
