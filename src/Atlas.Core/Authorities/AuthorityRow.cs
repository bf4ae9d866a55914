namespace Atlas.Core.Authorities;

/// <summary>The columns an authority list reads and sorts on.</summary>
public sealed class AuthorityRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public AuthorityKind Kind { get; init; }
    public string CountryCode { get; init; } = "";
    /// <summary>Its own region, or its département's.</summary>
    public string? RegionCode { get; init; }
    public string? DepartmentCode { get; init; }
    public int? Population { get; init; }
    public int? PopulationYear { get; init; }
    public int PartnershipCount { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
