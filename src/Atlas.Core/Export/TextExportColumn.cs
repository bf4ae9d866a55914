using System.Text.Json;

namespace Atlas.Core.Export;

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
