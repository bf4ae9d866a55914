namespace Atlas.Web.Pages.Projets;

/// <summary>One row of the participants table: an existing participation (its party shown, not changed), or a new one found by name.</summary>
public sealed class ParticipantRow
{
    public int? Id { get; set; }
    /// <summary>The participant, as a <see cref="PartyKey"/>.</summary>
    public string? Party { get; set; }
    /// <summary>Its name, as shown for an existing participation.</summary>
    public string? Name { get; set; }
    /// <summary>Part of the name of an existing authority or organisation, for a new participation.</summary>
    public string? Search { get; set; }
    public string? Role { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrEmpty(Party) && string.IsNullOrWhiteSpace(Search) && string.IsNullOrEmpty(Role);

    public static ParticipantRow Of(ProjectParticipant participant) => new()
    {
        Id = participant.Id,
        Party = PartyKey.Of(participant.LocalAuthorityId, participant.OrganisationId),
        Name = participant.Name,
        Role = EnumCode<ParticipantRole>.ToCode(participant.Role),
    };

    /// <summary>A participant of a declared project's draft, named from its authority or organisation.</summary>
    public static ParticipantRow Of(ParticipantValues line, string? name) => new()
    {
        Party = PartyKey.Of(line.LocalAuthorityId, line.OrganisationId),
        Name = name,
        Role = line.Role,
    };

    public ParticipantValues ToValues() => new()
    {
        Id = Id,
        LocalAuthorityId = PartyKey.AuthorityId(Party),
        OrganisationId = PartyKey.OrganisationId(Party),
        Role = string.IsNullOrWhiteSpace(Role) ? null : Role.Trim(),
    };
}
