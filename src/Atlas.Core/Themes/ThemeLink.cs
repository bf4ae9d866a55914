namespace Atlas.Core.Themes;

/// <summary>
/// A theme given to a record (a project or a partnership): the same three facts and the same mapping whatever the record,
/// declared once here; each link adds its record.
/// </summary>
public abstract class ThemeLink
{
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
    /// <summary>
    /// The theme as the record's source labelled it ("Développement urbain › Eau &amp; assainissement"), kept when the atlas
    /// maps it onto its one tree; null for a theme chosen in the atlas itself. Two source themes on the same node are joined by " ; ".
    /// </summary>
    public string? SourceLabel { get; set; }
}
