namespace Atlas.Core.Partnerships;

/// <summary>A partnership in a list: its facts, its authorities (French ones first) and how many projects it holds.</summary>
public sealed record PartnershipItem(
    int Id, string Title, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, PartnershipStatus Status, DateTimeOffset UpdatedAt,
    IReadOnlyList<PartnerAuthority> Authorities, int ProjectCount)
{
    /// <summary>The countries of its foreign authorities, in the order of those authorities.</summary>
    public IReadOnlyList<string> ForeignCountries => Authorities.Where(a => !a.IsFrench).Select(a => a.CountryCode).Distinct().ToList();
}
