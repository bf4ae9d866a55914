using Atlas.Core.Projects;

namespace Atlas.Core.Partnerships;

/// <summary>A partnership with its authorities (French ones first), themes, contacts and projects.</summary>
public sealed record PartnershipRecord(Partnership Partnership, IReadOnlyList<PartnerAuthority> Authorities, IReadOnlyList<ProjectSummary> Projects);
