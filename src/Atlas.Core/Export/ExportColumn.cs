namespace Atlas.Core.Export;

/// <summary>
/// One column of an export table, as the data dictionary, the Table Schema and both writers see it: the same
/// declaration describes the column and produces its values.
/// </summary>
public abstract class ExportColumn
{
    /// <summary>How the values of a repeated column are joined in one CSV cell; JSON Lines gives them as an array.</summary>
    public const string Joiner = " | ";

    protected ExportColumn(ExportColumnInfo info, ExportType type, bool repeated, bool link = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Label);
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Description);
        if (repeated && info.Required) throw new ArgumentException($"Repeated column {info.Name} cannot be required: an empty list is a value.");
        Name = info.Name;
        Label = info.Label;
        Description = info.Description;
        Example = info.Example;
        Required = info.Required;
        Values = info.Values;
        Type = type;
        IsRepeated = repeated;
        IsLink = link;
        JsonName = JsonEncodedText.Encode(info.Name);
    }

    /// <summary>snake_case name: the CSV header, the JSON Lines key, the Table Schema field name.</summary>
    public string Name { get; }

    /// <summary>French label, for the data dictionary page.</summary>
    public string Label { get; }

    /// <summary>English description, for the Table Schema.</summary>
    public string Description { get; }

    /// <summary>A value as it appears in the CSV file.</summary>
    public string Example { get; }

    /// <summary>Never empty.</summary>
    public bool Required { get; }

    /// <summary>The only values the column takes (codes), when the list is closed.</summary>
    public IReadOnlyList<string>? Values { get; }

    public ExportType Type { get; }

    /// <summary>Several values per row: joined with <see cref="Joiner"/> in CSV, an array in JSON Lines.</summary>
    public bool IsRepeated { get; }

    /// <summary>
    /// An address on the portal: declared as a path (/projets/42), written absolute after the portal's public address, so
    /// that a file keeps working away from the portal (Table Schema's format "uri").
    /// </summary>
    public bool IsLink { get; }

    internal JsonEncodedText JsonName { get; }
}
