namespace Atlas.Web.Api;

/// <summary>A local authority taking part in a partnership.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country (FR for French authorities).</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record PartnershipAuthorityDto(int Id, string Name, string Kind, string Country, string Url, string ApiUrl);

/// <summary>A partnership in a list.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended or unknown.</param>
/// <param name="Authorities">The French (first) and foreign authorities linked by the partnership.</param>
/// <param name="Countries">Countries of its foreign authorities.</param>
/// <param name="ProjectCount">How many projects it holds.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="Url">Its place on the public page of its partner country; null when it has no foreign authority.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record PartnershipListItemDto(
    int Id, string Title, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string Status, IReadOnlyList<PartnershipAuthorityDto> Authorities,
    IReadOnlyList<CodeName> Countries, int ProjectCount, DateTimeOffset UpdatedAt, string? Url, string ApiUrl);

/// <summary>A partnership's whole record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended or unknown.</param>
/// <param name="History">History of the partnership.</param>
/// <param name="Domains">Its fields of action, as the source lists them.</param>
/// <param name="Authorities">The French (first) and foreign authorities linked by the partnership.</param>
/// <param name="Countries">Countries of its foreign authorities.</param>
/// <param name="Themes">Themes given to the partnership as a whole.</param>
/// <param name="Contacts">People to contact about it (names and functions; no e-mail addresses in the API).</param>
/// <param name="Projects">Its projects, latest start first.</param>
/// <param name="Source">Where the record comes from.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Url">Its place on the public page of its partner country; null when it has no foreign authority.</param>
/// <param name="ApiUrl">This record in this API.</param>
public sealed record PartnershipDto(
    int Id, string Title, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string Status, string? History, string? Domains,
    IReadOnlyList<PartnershipAuthorityDto> Authorities, IReadOnlyList<CodeName> Countries, IReadOnlyList<ThemeDto> Themes,
    IReadOnlyList<ContactDto> Contacts, IReadOnlyList<ProjectListItemDto> Projects, string? Source, DateTimeOffset UpdatedAt, string? Url, string ApiUrl);
