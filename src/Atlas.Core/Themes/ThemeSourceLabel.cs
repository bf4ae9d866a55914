namespace Atlas.Core.Themes;

/// <summary>How a record keeps the label its source gave a theme.</summary>
public static class ThemeSourceLabel
{
    public const int MaxLength = 300;

    /// <summary>Between the levels of a label, as the pages write a theme's path.</summary>
    public const string LevelSeparator = " › ";

    /// <summary>Between two source themes that land on the same node of the tree.</summary>
    public const string Separator = " ; ";

    /// <summary>A label with another one added, each kept once.</summary>
    public static string? Join(string? label, string? other)
    {
        if (string.IsNullOrEmpty(other)) return label;
        if (string.IsNullOrEmpty(label)) return other;
        var parts = label.Split(Separator).ToList();
        if (!parts.Contains(other, StringComparer.Ordinal)) parts.Add(other);
        var joined = string.Join(Separator, parts);
        return joined.Length <= MaxLength ? joined : label;
    }
}
