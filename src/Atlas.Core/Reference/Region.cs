namespace Atlas.Core.Reference;

/// <summary>A French region, by its INSEE COG code.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Department> Departments { get; set; } = [];
}
