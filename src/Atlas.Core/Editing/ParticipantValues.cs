using Atlas.Core.Data;
using Atlas.Core.Domain;

namespace Atlas.Core.Editing;

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

/// <summary>A volunteer of a project as submitted.</summary>
public sealed class VolunteerValues
{
    /// <summary>The volunteer changed; null for a new one.</summary>
    public int? Id { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Mission { get; set; }
    public string? FieldOfAction { get; set; }
    public string? HostEntity { get; set; }

    public static VolunteerValues Of(Volunteer volunteer) => new()
    {
        Id = volunteer.Id,
        FirstName = volunteer.FirstName,
        LastName = volunteer.LastName,
        Mission = volunteer.Mission,
        FieldOfAction = volunteer.FieldOfAction,
        HostEntity = volunteer.HostEntity,
    };
}
