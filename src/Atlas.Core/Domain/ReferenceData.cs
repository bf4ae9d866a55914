namespace Atlas.Core.Domain;

/// <summary>An ISO 3166-1 country, named in French.</summary>
public sealed class Country
{
    public required string Code { get; set; }
    public required string Code3 { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>An ISO 4217 currency.</summary>
public sealed class Currency
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>A French region, by its INSEE COG code.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Department> Departments { get; set; } = [];
}

/// <summary>A French département, by its INSEE COG code ("13", "2A", "974").</summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
}
