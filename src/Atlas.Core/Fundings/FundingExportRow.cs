namespace Atlas.Core.Fundings;

/// <summary>A row of project-fundings.csv and fundings.csv: one funding line.</summary>
public sealed class FundingExportRow
{
    public int ProjectId { get; init; }
    public int FundingId { get; init; }
    public string FunderType { get; init; } = "";
    public int FunderId { get; init; }
    public string FunderName { get; init; } = "";
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal? WaterLawAmount { get; init; }
    public int? Year { get; init; }
    public string? Note { get; init; }
}
