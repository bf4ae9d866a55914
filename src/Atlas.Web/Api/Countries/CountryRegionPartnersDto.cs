namespace Atlas.Web.Api.Countries;

/// <summary>The French authorities of a country's partnerships in one French region.</summary>
/// <param name="Region">The region (INSEE code and name); null for authorities whose region is not known.</param>
/// <param name="Authorities">Its authorities taking part, by name.</param>
public sealed record CountryRegionPartnersDto(CodeName? Region, IReadOnlyList<PartnershipAuthorityDto> Authorities);
