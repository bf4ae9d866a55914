namespace Atlas.Core.Export;

/// <summary>A column reading its values from a row of <typeparamref name="TRow"/>.</summary>
public abstract class ExportColumn<TRow>(ExportColumnInfo info, ExportType type, bool repeated, bool link = false) : ExportColumn(info, type, repeated, link)
{
    /// <summary>The row's value as the CSV cell prints it (before quoting); empty for no value.</summary>
    public abstract string Text(TRow row);

    /// <summary>Writes the property of this column in the row's JSON object; a link after <paramref name="baseUrl"/>.</summary>
    internal abstract void WriteJson(TRow row, Utf8JsonWriter json, string baseUrl);

    /// <summary>Writes the row's cell of the RFC 4180 file: <see cref="Text"/> as the CSV cell prints it, a link after <paramref name="baseUrl"/>.</summary>
    internal abstract void WriteCsv(TRow row, CsvCells cells, string baseUrl);

    internal const string DateFormat = "yyyy-MM-dd";
    internal const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    internal static string Format(bool value) => value ? "true" : "false";
    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    internal static string Format(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the second: Table Schema's default datetime format, which strict readers require.</summary>
    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
