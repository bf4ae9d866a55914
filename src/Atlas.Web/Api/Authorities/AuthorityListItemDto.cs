namespace Atlas.Web.Api.Authorities;

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
