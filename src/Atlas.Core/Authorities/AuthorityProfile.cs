namespace Atlas.Core.Authorities;

/// <summary>A local authority, French or foreign: identity, leader, population, partnerships and projects.</summary>
public sealed record AuthorityProfile(LocalAuthority Authority, IReadOnlyList<PartnershipSummary> Partnerships, IReadOnlyList<AuthorityProject> Projects);
