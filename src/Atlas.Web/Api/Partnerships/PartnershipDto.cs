namespace Atlas.Web.Api.Partnerships;

/// <summary>A partnership's whole record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended, planned, suspended or unknown.</param>
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
