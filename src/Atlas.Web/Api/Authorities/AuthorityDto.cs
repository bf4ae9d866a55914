namespace Atlas.Web.Api.Authorities;

/// <summary>A local authority's whole record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="AlternateNames">Other spellings and former or later names it is known by ("El Jedida" for "El Jadida"); a search by name finds them too. Empty when none.</param>
/// <param name="Kind">Kind of authority (see the list's kind values).</param>
/// <param name="Country">Its country.</param>
/// <param name="Region">French authorities: its region, its own or its département's.</param>
/// <param name="Department">French authorities: its département.</param>
/// <param name="Population">Population, when known.</param>
/// <param name="PopulationYear">Year of that population figure.</param>
/// <param name="Leader">Who leads it, when known.</param>
/// <param name="InseeCode">French communes: INSEE COG code.</param>
/// <param name="Siren">French authorities: SIREN number.</param>
/// <param name="Website">Its website.</param>
/// <param name="Contacts">Its own contacts (names and functions; no e-mail addresses in the API).</param>
/// <param name="Partnerships">The partnerships it takes part in, by title.</param>
/// <param name="Projects">How many projects it takes part in, and where to list them.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">This record in this API.</param>
public sealed record AuthorityDto(
    int Id, string Name, IReadOnlyList<string> AlternateNames, string Kind, CodeName Country, CodeName? Region, CodeName? Department, int? Population, int? PopulationYear,
    LeaderDto? Leader, string? InseeCode, string? Siren, string? Website, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<PartnershipListItemDto> Partnerships, ProjectCountsDto Projects, DateTimeOffset UpdatedAt, string Url, string ApiUrl);
