namespace Atlas.Web.Api.Projects;

/// <summary>A project's editable record at one version.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Version">The record's version, also sent as the ETag: send it back in If-Match with the next change.</param>
/// <param name="Record">The editable fields, themes and funding lines.</param>
/// <param name="Url">Public page.</param>
/// <param name="ApiUrl">Its whole public record in this API.</param>
public sealed record EditableProjectDto(int Id, uint Version, ProjectEditDto Record, string Url, string ApiUrl);
