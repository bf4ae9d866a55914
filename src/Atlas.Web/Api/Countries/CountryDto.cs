namespace Atlas.Web.Api.Countries;

/// <summary>A country's whole record, as its public page shows it.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code (MA).</param>
/// <param name="Name">French name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="PartnershipCount">Partnerships with at least one local authority of this country.</param>
/// <param name="ProjectCount">Projects whose partner countries include it.</param>
/// <param name="DiplomaticPosts">The French embassy (or embassies) following it, with their contacts.</param>
/// <param name="Partnerships">Its partnerships, by title.</param>
/// <param name="FrenchPartnersByRegion">The French authorities of these partnerships, grouped by French region.</param>
/// <param name="ProjectsApiUrl">The list of its projects in this API.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">This record in this API.</param>
public sealed record CountryDto(
    string Code, string Name, string NameEn, int PartnershipCount, int ProjectCount, IReadOnlyList<DiplomaticPostItemDto> DiplomaticPosts,
    IReadOnlyList<CountryPartnershipDto> Partnerships, IReadOnlyList<CountryRegionPartnersDto> FrenchPartnersByRegion,
    string ProjectsApiUrl, string Url, string ApiUrl);
