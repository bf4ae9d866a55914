namespace Atlas.Core.Partnerships;

/// <summary>A partnership with its authorities (French ones first), themes, contacts and projects.</summary>
/// <param name="LastEditedAt">When an editor last changed it, its authorities or its themes, from its history; null when never edited since it was loaded.</param>
public sealed record PartnershipRecord(
    Partnership Partnership, IReadOnlyList<PartnerAuthority> Authorities, IReadOnlyList<ProjectSummary> Projects, DateTimeOffset? LastEditedAt = null);
