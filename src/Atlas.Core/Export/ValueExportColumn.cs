namespace Atlas.Core.Export;

/// <summary>A column with at most one value of a value type per row; <paramref name="csv"/> writes what <paramref name="format"/> gives.</summary>
internal sealed class ValueExportColumn<TRow, TValue>(
    ExportColumnInfo info, ExportType type, Func<TRow, TValue?> value, Func<TValue, string> format, Action<CsvCells, TValue> csv,
    Action<Utf8JsonWriter, TValue> json)
    : ExportColumn<TRow>(info, type, repeated: false) where TValue : struct
{
    public override string Text(TRow row) => value(row) is { } v ? format(v) : "";

    internal override void WriteCsv(TRow row, CsvCells cells, string baseUrl)
    {
        if (value(row) is { } v) csv(cells, v);
    }

    internal override void WriteJson(TRow row, Utf8JsonWriter writer, string baseUrl)
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
