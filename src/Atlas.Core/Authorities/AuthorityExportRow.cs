namespace Atlas.Core.Authorities;

/// <summary>A row of authorities.csv: one local authority.</summary>
public sealed class AuthorityExportRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> AlternateNames { get; init; } = [];
    public string Kind { get; init; } = "";
    public string CountryCode { get; init; } = "";
    public string CountryName { get; init; } = "";
    public string? RegionCode { get; init; }
    public string? RegionName { get; init; }
    public string? DepartmentCode { get; init; }
    public string? DepartmentName { get; init; }
    public string? InseeCode { get; init; }
    public string? Siren { get; init; }
    public int? Population { get; init; }
    public int? PopulationYear { get; init; }
    public string? LeaderName { get; init; }
    public string? LeaderTitle { get; init; }
    public string? Website { get; init; }
    public int PartnershipCount { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string Url => $"/collectivites/{Id}";
    public string ApiUrl => $"/api/v1/authorities/{Id}";
}
