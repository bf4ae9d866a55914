namespace Atlas.Core.Projects;

/// <summary>An authority or an organisation taking part in a project in one role.</summary>
public sealed class ProjectParticipant : ProjectLine
{
    public ParticipantRole Role { get; set; }
    public int? LocalAuthorityId { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int SortOrder { get; set; }

    public string Name => LocalAuthority?.Name ?? Organisation?.Name ?? "";
}
