namespace Atlas.Web.Api.Partnerships;

/// <summary>A partnership in a list.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended, planned, suspended or unknown.</param>
/// <param name="Authorities">The French (first) and foreign authorities linked by the partnership.</param>
/// <param name="Countries">Countries of its foreign authorities.</param>
/// <param name="ProjectCount">How many projects it holds.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="Url">Its place on the public page of its partner country; null when it has no foreign authority.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record PartnershipListItemDto(
    int Id, string Title, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string Status, IReadOnlyList<PartnershipAuthorityDto> Authorities,
    IReadOnlyList<CodeName> Countries, int ProjectCount, DateTimeOffset UpdatedAt, string? Url, string ApiUrl);
