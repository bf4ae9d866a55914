using System.Buffers;
using System.Text;
using Atlas.Core.Export;

namespace Atlas.Web.Tests.Api.LegacyExport;

/// <summary>
/// The CSV writer of ExportFormat before issue 15's whole-export work (each line assembled in a StringBuilder, then encoded),
/// both dialects: the reference the writer that encodes each cell straight into the send buffer must equal byte for byte.
/// </summary>
internal static class LegacyCsvWriter
{
    public static async Task<byte[]> WriteAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, bool excel, string baseUrl)
    {
        var delimiter = excel ? ';' : ',';
        var buffer = new ArrayBufferWriter<byte>();
        if (excel) buffer.Write(Encoding.UTF8.Preamble);
        var encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
        var line = new StringBuilder(1024);

        for (var i = 0; i < table.Columns.Count; i++) AppendCell(line, delimiter, i, table.Columns[i].Name);
        Encode(line, encoder, buffer);
        await foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++) AppendCell(line, delimiter, i, Cell(table.Columns[i], row, baseUrl, excel));
            Encode(line, encoder, buffer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Cell<TRow>(ExportColumn<TRow> column, TRow row, string baseUrl, bool excel)
    {
        var text = column.Text(row);
        if (text.Length == 0) return text;
        if (column.IsLink) return baseUrl + text;
        if (excel && column.Type == ExportType.Number) return text.Replace('.', ',');
        if (excel && column.Type == ExportType.String && StartsLikeAFormula(text)) return "'" + text;
        return text;
    }

    private static bool StartsLikeAFormula(string text) => text[0] switch
    {
        '=' or '+' or '@' or '\t' or '\r' => true,
        '-' => text.Length > 1 && !char.IsWhiteSpace(text[1]),
        _ => false,
    };

    private static void AppendCell(StringBuilder line, char delimiter, int index, string value)
    {
        if (index > 0) line.Append(delimiter);
        if (value.AsSpan().IndexOfAny(delimiter, '"', '\r') < 0 && !value.Contains('\n', StringComparison.Ordinal))
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static void Encode(StringBuilder line, Encoder encoder, ArrayBufferWriter<byte> buffer)
    {
        line.Append("\r\n");
        foreach (var chunk in line.GetChunks())
            encoder.Convert(chunk.Span, buffer, flush: false, out _, out _);
        line.Clear();
    }
}
