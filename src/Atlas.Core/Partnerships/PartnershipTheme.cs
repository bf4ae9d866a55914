using Atlas.Core.Themes;

namespace Atlas.Core.Partnerships;

public sealed class PartnershipTheme
{
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}
