namespace Atlas.Core.Countries;

/// <summary>Which part of a country's lists to read: a page of its partnerships, and the first French partners of each region.</summary>
public sealed record CountryProfilePage(int Number, int Size, int PartnersPerRegion)
{
    /// <summary>Every partnership and every French partner, on one page.</summary>
    public static readonly CountryProfilePage Everything = new(1, int.MaxValue, int.MaxValue);

    public int Offset => (int)Math.Min(int.MaxValue, (long)(Number - 1) * Size);

    /// <summary>How many pages <paramref name="count"/> partnerships fill (at least one, empty).</summary>
    public int PageCount(int count) => Math.Max(1, (int)(((long)count + Size - 1) / Size));
}
