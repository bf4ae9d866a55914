namespace Atlas.Web.Api.Partnerships;

/// <summary>A local authority taking part in a partnership.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country (FR for French authorities).</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record PartnershipAuthorityDto(int Id, string Name, string Kind, string Country, string Url, string ApiUrl);
