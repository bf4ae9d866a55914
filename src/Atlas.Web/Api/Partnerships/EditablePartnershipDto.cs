namespace Atlas.Web.Api.Partnerships;

/// <summary>A partnership's editable record at one version.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Version">The record's version, also sent as the ETag: send it back in If-Match with the next change.</param>
/// <param name="Record">The editable fields, themes and authorities.</param>
/// <param name="Url">Public page.</param>
/// <param name="ApiUrl">Its whole public record in this API.</param>
public sealed record EditablePartnershipDto(int Id, uint Version, PartnershipEditDto Record, string Url, string ApiUrl);
