namespace Atlas.Core.Fundings;

/// <summary>A funding line with its project and funder, as a list reads and sorts it. Amounts keep their currency.</summary>
public sealed class FundingRow
{
    public int Id { get; init; }
    public int ProjectId { get; init; }
    public string ProjectTitle { get; init; } = "";
    public int? FunderAuthorityId { get; init; }
    public int? FunderOrganisationId { get; init; }
    public string FunderName { get; init; } = "";
    public string? FunderCountry { get; init; }
    public decimal Amount { get; init; }
    public string CurrencyCode { get; init; } = "";
    public decimal? WaterLawAmount { get; init; }
    public int? Year { get; init; }
    public string? Note { get; init; }
}
