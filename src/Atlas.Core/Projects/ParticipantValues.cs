namespace Atlas.Core.Projects;

/// <summary>A participant of a project as submitted: an existing authority or organisation, in one role.</summary>
public sealed class ParticipantValues
{
    /// <summary>The participation changed; null for a new one.</summary>
    public int? Id { get; set; }
    public int? LocalAuthorityId { get; set; }
    public int? OrganisationId { get; set; }
    /// <summary>The role's code (owner, implementer, foreign-partner…).</summary>
    public string? Role { get; set; }

    public static ParticipantValues Of(ProjectParticipant participant) => new()
    {
        Id = participant.Id,
        LocalAuthorityId = participant.LocalAuthorityId,
        OrganisationId = participant.OrganisationId,
        Role = EnumCode<ParticipantRole>.ToCode(participant.Role),
    };
}
