namespace Atlas.Core.Authorities;

/// <summary>An authority with its own contacts, its partnerships (by title) and how many projects it takes part in, by status.</summary>
public sealed record AuthorityRecord(LocalAuthority Authority, IReadOnlyList<PartnershipItem> Partnerships, IReadOnlyDictionary<ProjectStatus, int> ProjectCounts);
