namespace Atlas.Core.Projects;

/// <summary>A row of project-participants.csv: one authority or organisation in one role in one project.</summary>
public sealed class ProjectParticipantExportRow
{
    public int ProjectId { get; init; }
    public string Role { get; init; } = "";
    public string PartyType { get; init; } = "";
    public int PartyId { get; init; }
    public string PartyKind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? CountryCode { get; init; }
}
