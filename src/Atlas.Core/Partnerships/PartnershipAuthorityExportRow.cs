namespace Atlas.Core.Partnerships;

/// <summary>A row of partnership-authorities.csv: one authority of one partnership.</summary>
public sealed class PartnershipAuthorityExportRow
{
    public int PartnershipId { get; init; }
    public int AuthorityId { get; init; }
    public string Name { get; init; } = "";
    public string CountryCode { get; init; } = "";
    public string Side => CountryCode == CountryCodes.France ? PartnershipExport.French : PartnershipExport.Foreign;
}
