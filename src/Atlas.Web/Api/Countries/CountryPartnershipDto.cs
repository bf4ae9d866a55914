namespace Atlas.Web.Api.Countries;

/// <summary>A partnership as listed on a country's record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="Status">active, ended, planned, suspended or unknown.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Authorities">The French (first) and foreign authorities it links.</param>
/// <param name="ProjectCount">How many projects it holds.</param>
/// <param name="Url">Its place on this country's public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record CountryPartnershipDto(
    int Id, string Title, string Status, int? SignedYear, IReadOnlyList<PartnershipAuthorityDto> Authorities, int ProjectCount, string Url, string ApiUrl);
