namespace Atlas.Core.Paging;

/// <summary>
/// One page of a list with the cursor of the next one and how many rows match in all: exactly up to
/// <see cref="ExactCountLimit"/>, otherwise at least <see cref="Total"/> (<see cref="TotalIsExact"/> false).
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, KeysetCursor? Next, int Total, bool TotalIsExact = true);
