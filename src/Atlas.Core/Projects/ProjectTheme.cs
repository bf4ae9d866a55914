using Atlas.Core.Themes;

namespace Atlas.Core.Projects;

public sealed class ProjectTheme
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public bool IsMain { get; set; }
    public int? Priority { get; set; }
}
