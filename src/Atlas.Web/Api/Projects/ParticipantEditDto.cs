namespace Atlas.Web.Api.Projects;

/// <summary>A participant of a project, as edited: an existing authority or organisation in one role.</summary>
/// <param name="Id">The participation changed; null or left out for a new one.</param>
/// <param name="LocalAuthorityId">Id of the participating authority; give it or organisationId, not both.</param>
/// <param name="OrganisationId">Id of the participating organisation.</param>
/// <param name="Role">owner, owner-assistant, implementer, beneficiary, foreign-partner, french-partner, other-partner-france or other-partner-abroad; required.</param>
public sealed record ParticipantEditDto(int? Id, int? LocalAuthorityId, int? OrganisationId, string? Role);
