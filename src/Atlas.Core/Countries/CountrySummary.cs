namespace Atlas.Core.Countries;

/// <summary>
/// What a country's page shows: its figures, its embassy, the themes of its partnerships, where in France its partners
/// are (counted per region and per département, an authority without département in its region only), and one page of
/// its partnerships as the table's filter asks (<see cref="MatchingCount"/> of them match).
/// </summary>
/// <param name="ThemeCounts">Partnerships of the country per theme of their own (theme id), the most frequent first.</param>
/// <param name="FrenchPartnersByRegion">French partner authorities per region code (their own region, or their département's).</param>
/// <param name="FrenchPartnersByDepartment">French partner authorities per département code.</param>
public sealed record CountrySummary(
    Country Country, IReadOnlyList<DiplomaticPost> Posts, int PartnershipCount, int ProjectCount,
    IReadOnlyList<KeyValuePair<int, int>> ThemeCounts, int FrenchPartnerCount,
    IReadOnlyDictionary<string, int> FrenchPartnersByRegion, IReadOnlyDictionary<string, int> FrenchPartnersByDepartment,
    IReadOnlyList<CountryPartnershipRow> Partnerships, int MatchingCount);
