namespace Atlas.Core.Export;

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

/// <summary>A row of project-participants.csv: one authority or organisation in one role in one project.</summary>
public sealed class ProjectParticipantExportRow
{
    public int ProjectId { get; init; }
    public string Role { get; init; } = "";
    public string PartyType { get; init; } = "";
    public int PartyId { get; init; }
    public string PartyKind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? CountryCode { get; init; }
}

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

/// <summary>A row of project-themes.csv: one theme of one project.</summary>
public sealed class ProjectThemeExportRow
{
    public int ProjectId { get; init; }
    public string ThemeKey { get; init; } = "";
    public string ThemeName { get; init; } = "";
    public int ThemeLevel { get; init; }
    public bool IsMain { get; init; }
    public int? Priority { get; init; }
}
