namespace Atlas.Core.Projects;

public sealed class ThemeChoice
{
    public int ThemeId { get; set; }
    public int? Priority { get; set; }
}
