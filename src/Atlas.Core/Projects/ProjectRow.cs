namespace Atlas.Core.Projects;

/// <summary>The columns a project list reads and sorts on.</summary>
public sealed class ProjectRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public ProjectStatus Status { get; init; }
    public int? StartYear { get; init; }
    public int? EndYear { get; init; }
    public int? PartnershipId { get; init; }
    public string? PartnershipTitle { get; init; }
    public string[] CountryCodes { get; init; } = [];
    public int[] AuthorityIds { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public int? MainThemeId { get; init; }
}
