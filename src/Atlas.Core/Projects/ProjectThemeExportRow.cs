namespace Atlas.Core.Projects;

/// <summary>A row of project-themes.csv: one theme of one project.</summary>
public sealed class ProjectThemeExportRow
{
    public int ProjectId { get; init; }
    public string ThemeKey { get; init; } = "";
    public string ThemeName { get; init; } = "";
    public int ThemeLevel { get; init; }
    public bool IsMain { get; init; }
    public int? Priority { get; init; }
    public string? SourceLabel { get; init; }
}
