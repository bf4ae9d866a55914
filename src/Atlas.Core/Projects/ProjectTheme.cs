namespace Atlas.Core.Projects;

public sealed class ProjectTheme
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
    /// <summary>
    /// The theme as the record's source labelled it ("Développement urbain › Eau &amp; assainissement"), kept when the atlas
    /// maps it onto its one tree; null for a theme chosen in the atlas itself. Two source themes on the same node are joined by " ; ".
    /// </summary>
    public string? SourceLabel { get; set; }
    public bool IsMain { get; set; }
    public int? Priority { get; set; }
}
