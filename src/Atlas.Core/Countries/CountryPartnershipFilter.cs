namespace Atlas.Core.Countries;

/// <summary>
/// Which of a country's partnerships its table shows, in which order, and which page of them: a status, the French region
/// of one of its French authorities (its own, or its département's), a theme of the partnership's own (or a sub-theme of it).
/// </summary>
public sealed record CountryPartnershipFilter(
    PartnershipStatus? Status = null, string? RegionCode = null, IReadOnlyCollection<int>? ThemeIds = null,
    CountryPartnershipSort Sort = CountryPartnershipSort.Title, int Page = 1, int Size = 50)
{
    public bool IsFiltered => Status is not null || RegionCode is not null || ThemeIds is not null;

    public int Offset => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Size);

    /// <summary>How many pages <paramref name="count"/> partnerships fill (at least one, empty).</summary>
    public int PageCount(int count) => Math.Max(1, (int)(((long)count + Size - 1) / Size));
}
