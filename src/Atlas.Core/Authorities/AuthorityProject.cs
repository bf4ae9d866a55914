namespace Atlas.Core.Authorities;

public sealed record AuthorityProject(int Id, string Title, ProjectStatus Status, int? StartYear, string? PartnershipTitle);
