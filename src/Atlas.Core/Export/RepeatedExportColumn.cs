namespace Atlas.Core.Export;

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

    internal override void WriteCsv(TRow row, CsvCells cells, string baseUrl)
    {
        var items = values(row);
        foreach (var v in items)
        {
            if (cells.NeedsQuotes(format(v)))
            {
                cells.Text(Text(row));
                return;
            }
        }
        var first = true;
        foreach (var v in items)
        {
            if (!first) cells.Plain(Joiner);
            cells.Plain(format(v));
            first = false;
        }
    }

    internal override void WriteJson(TRow row, Utf8JsonWriter writer, string baseUrl)
    {
        writer.WriteStartArray(JsonName);
        foreach (var v in values(row)) json(writer, v);
        writer.WriteEndArray();
    }
}
