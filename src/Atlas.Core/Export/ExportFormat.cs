using System.Buffers;
using System.Text.Encodings.Web;

namespace Atlas.Core.Export;

/// <summary>
/// The formats of a download: RFC 4180 CSV (UTF-8 without BOM, header row, CRLF, quotes only when needed), its
/// spreadsheet dialect (the same file as French Excel opens it cleanly: byte order mark, semicolons, decimal comma) and
/// JSON Lines (one object per line, the same keys as the CSV header, repeated values as arrays). Links are written
/// absolute, after the portal's public address. Rows are written as they arrive and sent every few kilobytes, so memory
/// stays flat whatever the number of rows.
/// </summary>
public sealed class ExportFormat
{
    private const int SendAt = 32 * 1024;
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ExportFormat Csv = new("csv", "text/csv", "text/csv; charset=utf-8", "CSV", ',', excel: false);

    /// <summary>
    /// The CSV file for spreadsheets: French Excel reads a file without byte order mark as Windows-1252 (é becomes Ã©), splits
    /// cells on the list separator of French Windows (;), and reads 1234.5 as text. Same columns, same rows, same quoting.
    /// </summary>
    public static readonly ExportFormat ExcelCsv = new("csv", "text/csv", "text/csv; charset=utf-8", "CSV for spreadsheets", ';', excel: true);

    public static readonly ExportFormat JsonLines = new("jsonl", "application/x-ndjson", "application/x-ndjson", "JSON Lines", ',', excel: false);

    /// <summary>The formats that have a file of their own (an address); the spreadsheet dialect is a variant of the CSV file's.</summary>
    public static readonly IReadOnlyList<ExportFormat> All = [Csv, JsonLines];

    private readonly char _delimiter;

    private ExportFormat(string extension, string mediaType, string contentType, string title, char delimiter, bool excel)
    {
        Extension = extension;
        MediaType = mediaType;
        ContentType = contentType;
        Title = title;
        _delimiter = delimiter;
        IsSpreadsheetDialect = excel;
    }

    /// <summary>csv or jsonl: the file name's extension and the Data Package's format.</summary>
    public string Extension { get; }

    public string MediaType { get; }

    /// <summary>The Content-Type header of a download.</summary>
    public string ContentType { get; }

    public string Title { get; }

    /// <summary>The CSV dialect of spreadsheets: byte order mark, semicolons, decimal comma.</summary>
    public bool IsSpreadsheetDialect { get; }

    /// <summary>Writes the rows.</summary>
    /// <param name="table">The table's columns.</param>
    /// <param name="rows">The rows, streamed.</param>
    /// <param name="output">Where the file goes.</param>
    /// <param name="baseUrl">The portal's public address without final slash (https://atlas.example.org), written before every link.</param>
    /// <param name="ct">Cancellation.</param>
    public Task WriteAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return this == JsonLines ? WriteJsonLinesAsync(table, rows, output, baseUrl, ct) : WriteCsvAsync(table, rows, output, baseUrl, ct);
    }

    private async Task WriteCsvAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, string baseUrl, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(SendAt + 4096);
        if (IsSpreadsheetDialect) buffer.Write(Encoding.UTF8.Preamble);
        var cells = new CsvCells(buffer, _delimiter);

        foreach (var column in table.Columns)
        {
            cells.Next();
            cells.Text(column.Name);
        }
        cells.EndLine();

        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            foreach (var column in table.Columns)
            {
                cells.Next();
                // The spreadsheet dialect changes numbers and texts (Cell); the RFC 4180 file writes each value as it is.
                if (IsSpreadsheetDialect) cells.Text(Cell(column, row, baseUrl));
                else column.WriteCsv(row, cells, baseUrl);
            }
            cells.EndLine();
            if (buffer.WrittenCount >= SendAt) await SendAsync(buffer, output, ct).ConfigureAwait(false);
        }
        await SendAsync(buffer, output, ct).ConfigureAwait(false);
    }

    private string Cell<TRow>(ExportColumn<TRow> column, TRow row, string baseUrl)
    {
        var text = column.Text(row);
        if (text.Length == 0) return text;
        if (column.IsLink) return baseUrl + text;
        // A number is written with the invariant culture's point, and only a number: the decimal comma touches nothing else.
        if (IsSpreadsheetDialect && column.Type == ExportType.Number) return text.Replace('.', ',');
        if (IsSpreadsheetDialect && column.Type == ExportType.String && StartsLikeAFormula(text)) return "'" + text;
        return text;
    }

    /// <summary>
    /// Whether a spreadsheet would run the text as a formula (OWASP « CSV injection »): editors write the descriptions, and a
    /// cell « =HYPERLINK(…) » opened by a journalist must stay text. The apostrophe is the spreadsheets' own text marker.
    /// A dash followed by a space starts a list item, not a formula, and is left as it is.
    /// </summary>
    private static bool StartsLikeAFormula(string text) => text[0] switch
    {
        '=' or '+' or '@' or '\t' or '\r' => true,
        '-' => text.Length > 1 && !char.IsWhiteSpace(text[1]),
        _ => false,
    };

    private static async Task WriteJsonLinesAsync<TRow>(ExportTable<TRow> table, IAsyncEnumerable<TRow> rows, Stream output, string baseUrl, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(SendAt + 4096);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);

        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            json.WriteStartObject();
            foreach (var column in table.Columns) column.WriteJson(row, json, baseUrl);
            json.WriteEndObject();
            json.Flush();
            json.Reset();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= SendAt) await SendAsync(buffer, output, ct).ConfigureAwait(false);
        }
        await SendAsync(buffer, output, ct).ConfigureAwait(false);
    }

    private static async Task SendAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken ct)
    {
        if (buffer.WrittenCount > 0) await output.WriteAsync(buffer.WrittenMemory, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }
}
