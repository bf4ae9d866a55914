namespace Atlas.Core.Projects;

public sealed class ProjectTheme : ThemeLink
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public bool IsMain { get; set; }
    public int? Priority { get; set; }
}
