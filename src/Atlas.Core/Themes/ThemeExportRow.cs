namespace Atlas.Core.Themes;

/// <summary>A row of themes.csv: one theme with its counts.</summary>
public sealed class ThemeExportRow
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public int Level { get; init; }
    public string? ParentKey { get; init; }
    public int ProjectCount { get; init; }
    public int PartnershipCount { get; init; }
}
