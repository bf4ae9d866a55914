namespace Atlas.Core.Authorities;

/// <summary>A local authority, French or foreign (collectivité territoriale).</summary>
public sealed class LocalAuthority : AtlasRecord
{
    public required string Name { get; set; }
    /// <summary>Other spellings and former or later names the authority is known by (searched with its name; shown on its record).</summary>
    public string[] AlternateNames { get; set; } = [];
    public AuthorityKind Kind { get; set; }
    public required string CountryCode { get; set; }
    public Country? Country { get; set; }
    public string? RegionCode { get; set; }
    public Region? Region { get; set; }
    public string? DepartmentCode { get; set; }
    public Department? Department { get; set; }
    public string? InseeCode { get; set; }
    public string? Siren { get; set; }
    public int? Population { get; set; }
    public int? PopulationYear { get; set; }
    public string? LeaderName { get; set; }
    public string? LeaderTitle { get; set; }
    public string? Website { get; set; }

    public List<PartnershipAuthority> Partnerships { get; set; } = [];
    /// <summary>
    /// How many partnerships (not deleted) it takes part in: stored, kept by the database's triggers (migration 0020), so
    /// that the directory sorts by it through an index instead of counting for every authority. Never written by the app.
    /// </summary>
    public int PartnershipCount { get; set; }
    public List<Contact> Contacts { get; set; } = [];

    public bool IsFrench => CountryCode == CountryCodes.France;
}
