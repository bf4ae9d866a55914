namespace Atlas.Web.Api.Authorities;

/// <summary>A local authority's editable record at one version.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Version">The record's version, also sent as the ETag: send it back in If-Match with the next change.</param>
/// <param name="Record">The editable fields.</param>
/// <param name="Url">Public page.</param>
/// <param name="ApiUrl">Its whole public record in this API.</param>
public sealed record EditableAuthorityDto(int Id, uint Version, AuthorityEditDto Record, string Url, string ApiUrl);
