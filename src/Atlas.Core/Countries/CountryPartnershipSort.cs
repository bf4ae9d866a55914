namespace Atlas.Core.Countries;

/// <summary>
/// The orders of a country's table of partnerships: by title (the default), by the first French or foreign authority's
/// name, by number of projects (most first), by year of signature (latest first, unknown last).
/// </summary>
public enum CountryPartnershipSort { Title, French, Foreign, Projects, Signed }
