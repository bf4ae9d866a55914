namespace Atlas.Core.Paging;

/// <summary>
/// How many matching rows a list counts exactly. Counting is a pass over every match, so above this a list says "more
/// than" and a search estimates its facets from a sample: what a request costs stays bounded however large the atlas grows.
/// </summary>
public sealed record ExactCountLimit(int Rows)
{
    public const string Setting = "Atlas:Search:ExactCountLimit";
    public const int DefaultRows = 20_000;
    public static readonly ExactCountLimit Default = new(DefaultRows);

    /// <summary>Counts the rows up to the limit: the count, and whether it is exact (false: more rows match).</summary>
    public async Task<(int Total, bool IsExact)> CountAsync<T>(IQueryable<T> rows, CancellationToken ct)
    {
        var counted = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(rows.Take(Rows + 1), ct).ConfigureAwait(false);
        return counted > Rows ? (Rows, false) : (counted, true);
    }
}
