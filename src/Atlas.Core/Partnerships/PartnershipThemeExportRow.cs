namespace Atlas.Core.Partnerships;

/// <summary>A row of partnership-themes.csv: one theme of one partnership.</summary>
public sealed class PartnershipThemeExportRow
{
    public int PartnershipId { get; init; }
    public string ThemeKey { get; init; } = "";
    public string? SourceLabel { get; init; }
}
