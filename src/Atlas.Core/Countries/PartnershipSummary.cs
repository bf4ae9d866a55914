namespace Atlas.Core.Countries;

public sealed record PartnershipSummary(int Id, string Title, PartnershipStatus Status, int? SignedYear, IReadOnlyList<LocalAuthority> Authorities, int ProjectCount);
