namespace Atlas.Core.Themes;

/// <summary>A node of the three-level theme tree (thématique, sous-thématique, sous-sous-thématique).</summary>
public sealed class Theme
{
    public const int MaxLevel = 3;

    public int Id { get; set; }
    /// <summary>The path of slugs, e.g. "developpement-urbain/transports": stable, readable in URLs.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public Theme? Parent { get; set; }
    public int Level { get; set; }
    public int SortOrder { get; set; }
    public List<Theme> Children { get; set; } = [];
}
