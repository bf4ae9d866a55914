namespace Atlas.Core.Partnerships;

/// <summary>A row of partnerships.csv: one partnership.</summary>
public sealed class PartnershipExportRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string? LegalFrame { get; init; }
    public DateOnly? SignedOn { get; init; }
    public int? SignedYear { get; init; }
    public string Status { get; init; } = "";
    public IReadOnlyList<string> CountryCodes { get; init; } = [];
    public IReadOnlyList<string> CountryNames { get; init; } = [];
    public int ProjectCount { get; init; }
    public string? Domains { get; init; }
    public string? History { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string ApiUrl => $"/api/v1/partnerships/{Id}";
}
