using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Atlas.Core.Export;

/// <summary>The Table Schema types an export column may have (a repeated column has the type of its items).</summary>
public enum ExportType { String, Integer, Number, Boolean, Date, DateTime }

/// <summary>
/// One column of an export table, as the data dictionary, the Table Schema and both writers see it: the same
/// declaration describes the column and produces its values.
/// </summary>
public abstract class ExportColumn
{
    /// <summary>How the values of a repeated column are joined in one CSV cell; JSON Lines gives them as an array.</summary>
    public const string Joiner = " | ";

    protected ExportColumn(ExportColumnInfo info, ExportType type, bool repeated)
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

    internal JsonEncodedText JsonName { get; }
}

/// <summary>What a column declaration says of a column besides its values.</summary>
public sealed record ExportColumnInfo(string Name, string Label, string Description, string Example, bool Required = false, IReadOnlyList<string>? Values = null);

/// <summary>A column reading its values from a row of <typeparamref name="TRow"/>.</summary>
public abstract class ExportColumn<TRow>(ExportColumnInfo info, ExportType type, bool repeated) : ExportColumn(info, type, repeated)
{
    /// <summary>The row's value as the CSV cell prints it (before quoting); empty for no value.</summary>
    public abstract string Text(TRow row);

    /// <summary>Writes the property of this column in the row's JSON object.</summary>
    internal abstract void WriteJson(TRow row, Utf8JsonWriter json);

    internal static string Format(bool value) => value ? "true" : "false";
    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    internal static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the second: Table Schema's default datetime format, which strict readers require.</summary>
    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A column with at most one value of a value type per row.</summary>
internal sealed class ValueExportColumn<TRow, TValue>(
    ExportColumnInfo info, ExportType type, Func<TRow, TValue?> value, Func<TValue, string> format, Action<Utf8JsonWriter, TValue> json)
    : ExportColumn<TRow>(info, type, repeated: false) where TValue : struct
{
    public override string Text(TRow row) => value(row) is { } v ? format(v) : "";

    internal override void WriteJson(TRow row, Utf8JsonWriter writer)
    {
        if (value(row) is { } v)
        {
            writer.WritePropertyName(JsonName);
            json(writer, v);
        }
        else
        {
            writer.WriteNull(JsonName);
        }
    }
}

/// <summary>A column with at most one text per row.</summary>
internal sealed class TextExportColumn<TRow>(ExportColumnInfo info, Func<TRow, string?> value) : ExportColumn<TRow>(info, ExportType.String, repeated: false)
{
    public override string Text(TRow row) => value(row) ?? "";

    internal override void WriteJson(TRow row, Utf8JsonWriter writer)
    {
        // An empty text is no value in CSV (Table Schema's missing value): JSON Lines says the same.
        if (value(row) is { Length: > 0 } v) writer.WriteString(JsonName, v);
        else writer.WriteNull(JsonName);
    }
}

/// <summary>A column with any number of values per row.</summary>
internal sealed class RepeatedExportColumn<TRow, TValue>(
    ExportColumnInfo info, ExportType type, Func<TRow, IEnumerable<TValue>> values, Func<TValue, string> format, Action<Utf8JsonWriter, TValue> json)
    : ExportColumn<TRow>(info, type, repeated: true)
{
    public override string Text(TRow row)
    {
        var text = new StringBuilder();
        foreach (var v in values(row))
        {
            if (text.Length > 0) text.Append(Joiner);
            text.Append(format(v));
        }
        return text.ToString();
    }

    internal override void WriteJson(TRow row, Utf8JsonWriter writer)
    {
        writer.WriteStartArray(JsonName);
        foreach (var v in values(row)) json(writer, v);
        writer.WriteEndArray();
    }
}
