using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Atlas.Core.Export;

/// <summary>
/// The formats of a download: RFC 4180 CSV (UTF-8 without BOM, header row, CRLF, quotes only when needed) and JSON Lines
/// (one object per line, the same keys as the CSV header, repeated values as arrays). Rows are written as they arrive
/// and sent every few kilobytes, so memory stays flat whatever the number of rows.
/// </summary>
public sealed class ExportFormat
{
    private const int SendAt = 32 * 1024;
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ExportFormat Csv = new("csv", "text/csv", "text/csv; charset=utf-8", "CSV");
    public static readonly ExportFormat JsonLines = new("jsonl", "application/x-ndjson", "application/x-ndjson", "JSON Lines");
    public static readonly IReadOnlyList<ExportFormat> All = [Csv, JsonLines];

    private ExportFormat(string extension, string mediaType, string contentType, string title)
    {
        Extension = extension;
        MediaType = mediaType;
        ContentType = contentType;
        Title = title;
    }

    /// <summary>csv or jsonl: the file name's extension and the Data Package's format.</summary>
    public string Extension { get; }

    public string MediaType { get; }

    /// <summary>The Content-Type header of a download.</summary>
    public string ContentType { get; }

    public string Title { get; }

    public Task WriteAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, CancellationToken ct) =>
        this == Csv ? WriteCsvAsync(table, rows, output, ct) : WriteJsonLinesAsync(table, rows, output, ct);

    private static async Task WriteCsvAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(SendAt + 4096);
        var encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
        var line = new StringBuilder(1024);

        for (var i = 0; i < table.Columns.Count; i++) AppendCell(line, i, table.Columns[i].Name);
        Encode(line, encoder, buffer);

        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            for (var i = 0; i < table.Columns.Count; i++) AppendCell(line, i, table.Columns[i].Text(row));
            Encode(line, encoder, buffer);
            if (buffer.WrittenCount >= SendAt) await SendAsync(buffer, output, ct).ConfigureAwait(false);
        }
        await SendAsync(buffer, output, ct).ConfigureAwait(false);
    }

    private static async Task WriteJsonLinesAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(SendAt + 4096);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);

        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            json.WriteStartObject();
            foreach (var column in table.Columns) column.WriteJson(row, json);
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= SendAt) await SendAsync(buffer, output, ct).ConfigureAwait(false);
        }
        await SendAsync(buffer, output, ct).ConfigureAwait(false);
    }

    /// <summary>Appends a cell (a comma before all but the first), quoted when it holds a comma, a quote or a line break.</summary>
    private static void AppendCell(StringBuilder line, int index, string value)
    {
        if (index > 0) line.Append(',');
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
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

    private static async Task SendAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken ct)
    {
        if (buffer.WrittenCount > 0) await output.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }
}
