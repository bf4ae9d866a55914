namespace Atlas.Core.Partnerships;

public sealed class PartnershipTheme
{
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
    /// <summary>
    /// The theme as the record's source labelled it ("Développement urbain › Eau &amp; assainissement"), kept when the atlas
    /// maps it onto its one tree; null for a theme chosen in the atlas itself. Two source themes on the same node are joined by " ; ".
    /// </summary>
    public string? SourceLabel { get; set; }
}
