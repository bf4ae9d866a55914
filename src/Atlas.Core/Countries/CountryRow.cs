namespace Atlas.Core.Countries;

/// <summary>A country with its counts, as a list reads and sorts it.</summary>
public sealed class CountryRow
{
    /// <summary>A number derived from the code (one per country), the tie-breaker of keyset sorts.</summary>
    public int Ordinal { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string NameEn { get; init; } = "";
    /// <summary>Partnerships with at least one local authority of the country (as on its page).</summary>
    public int Partnerships { get; init; }
    /// <summary>Projects whose partner countries include it (France is never a project's partner country).</summary>
    public int Projects { get; init; }
}
