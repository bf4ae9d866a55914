using System.Text.Json.Serialization;

namespace Atlas.Core.Figures;

/// <summary>
/// How many French authorities with a place in common (a region of their own, their département and its region) take part
/// in a partnership with an authority of <paramref name="Country"/>: each authority once per partner country. A country's
/// page counts its French partners per region and per département from these rows. Short names in the stored JSON: at
/// scale 100 there are 16,000 rows, 1.5 MB of the stored counts with the long ones.
/// </summary>
public sealed record CountryPartnerPlace(
    [property: JsonPropertyName("c")] string Country, [property: JsonPropertyName("r")] string? Region,
    [property: JsonPropertyName("d")] string? Department, [property: JsonPropertyName("dr")] string? DepartmentRegion,
    [property: JsonPropertyName("n")] int Count);
