namespace Atlas.Web.Api.Projects;

/// <summary>Who takes part in a project, and how.</summary>
/// <param name="Role">owner (maître d'ouvrage), owner-assistant, implementer (maître d'œuvre), beneficiary, foreign-partner, french-partner, other-partner-france or other-partner-abroad.</param>
/// <param name="Type">authority or organisation.</param>
/// <param name="Id">Identifier of the authority or organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when known.</param>
/// <param name="Url">Public page of the authority (organisations have none yet).</param>
public sealed record ParticipantDto(string Role, string Type, int Id, string Name, string? Country, string? Url);
