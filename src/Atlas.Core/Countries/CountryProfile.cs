namespace Atlas.Core.Countries;

/// <summary>
/// A partner country: its embassy and contacts, its figures, a page of its partnerships, and its French partners by region
/// (counted per region; <see cref="FrenchPartnersByRegion"/> holds the first of each) with their count per French region,
/// as drawn on its map (an authority without region counts in its département's).
/// </summary>
public sealed record CountryProfile(
    Country Country, IReadOnlyList<DiplomaticPost> Posts, IReadOnlyList<PartnershipSummary> Partnerships, int PartnershipCount,
    IReadOnlyList<RegionPartners> FrenchPartnersByRegion, IReadOnlyDictionary<string, int> FrenchPartnersPerMapRegion, int ProjectCount);
