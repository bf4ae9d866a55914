namespace Atlas.Core.Partnerships;

public sealed class PartnershipTheme : ThemeLink
{
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
}
