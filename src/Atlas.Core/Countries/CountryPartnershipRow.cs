namespace Atlas.Core.Countries;

/// <summary>One line of a country's table of partnerships: its authorities on each side, its own themes, status, projects.</summary>
public sealed record CountryPartnershipRow(
    int Id, string Title, PartnershipStatus Status, int? SignedYear,
    IReadOnlyList<NamedRecord> French, IReadOnlyList<NamedRecord> Foreign, IReadOnlyList<int> ThemeIds, int ProjectCount);
