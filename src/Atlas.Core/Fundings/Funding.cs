namespace Atlas.Core.Fundings;

/// <summary>A funding line: who pays how much, in which currency, which year.</summary>
public sealed class Funding : ProjectLine
{
    public int? FunderAuthorityId { get; set; }
    public LocalAuthority? FunderAuthority { get; set; }
    public int? FunderOrganisationId { get; set; }
    public Organisation? FunderOrganisation { get; set; }
    public decimal Amount { get; set; }
    public required string CurrencyCode { get; set; }
    /// <summary>The part under the 1 % water and sanitation law (loi Oudin-Santini, 2005).</summary>
    public decimal? WaterLawAmount { get; set; }
    public int? Year { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }

    public string FunderName => FunderAuthority?.Name ?? FunderOrganisation?.Name ?? "";
}
