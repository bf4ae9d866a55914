namespace Atlas.Core.Reference;

/// <summary>A French département, by its INSEE COG code ("13", "2A", "974").</summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
}
