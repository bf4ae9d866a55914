namespace Atlas.Core.Partnerships;

public sealed class PartnershipAuthority
{
    public int PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int LocalAuthorityId { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
}
