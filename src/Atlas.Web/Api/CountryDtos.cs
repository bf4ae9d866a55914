namespace Atlas.Web.Api;

/// <summary>A country in a list, with its counts.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code, its stable identifier (MA).</param>
/// <param name="Name">French name, accents kept (Maroc).</param>
/// <param name="NameEn">English name (Morocco).</param>
/// <param name="PartnershipCount">Partnerships with at least one local authority of this country (for FR: every partnership with a French authority).</param>
/// <param name="ProjectCount">Projects whose partner countries include it (France is never a project's partner country: 0 for FR).</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record CountryListItemDto(string Code, string Name, string NameEn, int PartnershipCount, int ProjectCount, string Url, string ApiUrl);

/// <summary>A partnership as listed on a country's record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="Status">active, ended or unknown.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Authorities">The French (first) and foreign authorities it links.</param>
/// <param name="ProjectCount">How many projects it holds.</param>
/// <param name="Url">Its place on this country's public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record CountryPartnershipDto(
    int Id, string Title, string Status, int? SignedYear, IReadOnlyList<PartnershipAuthorityDto> Authorities, int ProjectCount, string Url, string ApiUrl);

/// <summary>The French authorities of a country's partnerships in one French region.</summary>
/// <param name="Region">The region (INSEE code and name); null for authorities whose region is not known.</param>
/// <param name="Authorities">Its authorities taking part, by name.</param>
public sealed record CountryRegionPartnersDto(CodeName? Region, IReadOnlyList<PartnershipAuthorityDto> Authorities);

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
