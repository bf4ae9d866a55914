namespace Atlas.Web.Api;

/// <summary>A local authority, French or foreign, in a list.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other.</param>
/// <param name="Country">Its country.</param>
/// <param name="Region">French authorities: its region (INSEE code), its own or its département's.</param>
/// <param name="Department">French authorities: its département (INSEE code).</param>
/// <param name="Population">Population, when known.</param>
/// <param name="PopulationYear">Year of that population figure.</param>
/// <param name="PartnershipCount">How many partnerships it takes part in.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record AuthorityListItemDto(
    int Id, string Name, string Kind, CodeName Country, CodeName? Region, CodeName? Department, int? Population, int? PopulationYear,
    int PartnershipCount, DateTimeOffset UpdatedAt, string Url, string ApiUrl);

/// <summary>An authority whose name resembles what was typed.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Country">Its country.</param>
/// <param name="Similarity">How closely a word of the name resembles the text, from 0 to 1 (1: the same).</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record AuthoritySuggestionDto(int Id, string Name, CodeName Country, double Similarity, string ApiUrl);

/// <summary>Who leads an authority.</summary>
/// <param name="Name">Name of the mayor, president…</param>
/// <param name="Title">Their title (Maire de…, Président du conseil régional…).</param>
public sealed record LeaderDto(string? Name, string? Title);

/// <summary>How many projects an authority takes part in, by status.</summary>
/// <param name="Total">All its projects.</param>
/// <param name="Planned">Planned ones.</param>
/// <param name="Ongoing">Ongoing ones.</param>
/// <param name="Completed">Completed ones.</param>
/// <param name="ApiUrl">The list of these projects in this API.</param>
public sealed record ProjectCountsDto(int Total, int Planned, int Ongoing, int Completed, string ApiUrl);

/// <summary>A local authority's whole record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
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
    int Id, string Name, string Kind, CodeName Country, CodeName? Region, CodeName? Department, int? Population, int? PopulationYear,
    LeaderDto? Leader, string? InseeCode, string? Siren, string? Website, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<PartnershipListItemDto> Partnerships, ProjectCountsDto Projects, DateTimeOffset UpdatedAt, string Url, string ApiUrl);
