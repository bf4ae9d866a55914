namespace Atlas.Core.Projects;

public sealed record ProjectSummary(
    int Id, string Title, ProjectStatus Status, int? StartYear, int? EndYear, int? PartnershipId, string? PartnershipTitle,
    IReadOnlyList<string> CountryCodes, ThemeNode? MainTheme, IReadOnlyList<AuthorityRef> Authorities, DateTimeOffset UpdatedAt);
