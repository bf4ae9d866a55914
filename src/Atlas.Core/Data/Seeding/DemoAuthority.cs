namespace Atlas.Core.Data.Seeding;

/// <summary>A local authority of the demo data files, found again by its key.</summary>
internal sealed record DemoAuthority(
    string Key, string? Name, string? Kind, string? Country, string? Department, string? Region, string? InseeCode,
    int? Population, int? PopulationYear, string? LeaderName, string? LeaderTitle, string? Website,
    IReadOnlyList<string>? AlternateNames = null);
