namespace Atlas.Core.Projects;

/// <summary>A row of projects.csv: one project, its repeated values joined.</summary>
public sealed class ProjectExportRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public int? FirstSignatureYear { get; init; }
    public int? StartYear { get; init; }
    public DateOnly? StartDate { get; init; }
    public int? EndYear { get; init; }
    public DateOnly? EndDate { get; init; }
    public int? PartnershipId { get; init; }
    public string? PartnershipTitle { get; init; }
    public IReadOnlyList<string> CountryCodes { get; init; } = [];
    public IReadOnlyList<string> CountryNames { get; init; } = [];
    public string? MainThemeKey { get; init; }
    public string? MainThemeName { get; init; }
    public IReadOnlyList<string> OtherThemeKeys { get; init; } = [];
    public string? Form { get; init; }
    public string? Context { get; init; }
    public string? History { get; init; }
    public string? Objectives { get; init; }
    public string? Description { get; init; }
    public string? Beneficiaries { get; init; }
    public decimal? TotalCostAmount { get; init; }
    public string? TotalCostCurrency { get; init; }
    public bool? IsTriennial { get; init; }
    public bool? CommunicationInFrance { get; init; }
    public bool? CommunicationInPartnerCountry { get; init; }
    public bool? EvaluationPolicy { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string Url => $"/projets/{Id}";
    public string ApiUrl => $"/api/v1/projects/{Id}";
}
