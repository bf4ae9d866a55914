namespace Atlas.Core.Export;

/// <summary>A column with at most one text per row; a link is a path on the portal, written after its public address.</summary>
internal sealed class TextExportColumn<TRow>(ExportColumnInfo info, Func<TRow, string?> value, bool link = false)
    : ExportColumn<TRow>(info, ExportType.String, repeated: false, link)
{
    public override string Text(TRow row) => value(row) ?? "";

    internal override void WriteCsv(TRow row, CsvCells cells, string baseUrl)
    {
        if (value(row) is not { Length: > 0 } v) return;
        if (!IsLink)
        {
            cells.Text(v);
        }
        else if (cells.NeedsQuotes(baseUrl) || cells.NeedsQuotes(v))
        {
            cells.Text(baseUrl + v);
        }
        else
        {
            cells.Plain(baseUrl);
            cells.Plain(v);
        }
    }

    internal override void WriteJson(TRow row, Utf8JsonWriter writer, string baseUrl)
    {
        // An empty text is no value in CSV (Table Schema's missing value): JSON Lines says the same.
        if (value(row) is { Length: > 0 } v) writer.WriteString(JsonName, IsLink ? baseUrl + v : v);
        else writer.WriteNull(JsonName);
    }
}
