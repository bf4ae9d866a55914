namespace Atlas.Web.Api.Exports;

/// <summary>
/// One export table in one format: reads the filter of its list from the query string with the list's own code, refuses
/// a bad or unknown parameter by name, and streams the rows of the matching records under a dated file name. The CSV file
/// also takes dialect=excel, its spreadsheet variant.
/// </summary>
internal sealed class TableDownload<TExport, TFilter>(
    ExportTable table, ExportFormat format,
    Func<ApiQuery, ReferenceCatalog.Snapshot, TFilter?> readFilter,
    Func<TExport, TFilter, ReferenceCatalog.Snapshot, ExportFormat, Stream, string, CancellationToken, Task> write)
    where TFilter : class
{
    public async Task<IResult> RespondAsync(HttpContext http, TExport export, ReferenceCatalog catalog, CancellationToken ct)
    {
        // The query string is read as a whole so that a bad or unknown parameter is named (ApiParameter documents them).
        var reference = await catalog.GetAsync(ct);
        var query = new ApiQuery(http.Request.Query);
        var chosen = format;
        if (format == ExportFormat.Csv && query.Text(CsvDialectParameter.Name) is { } dialect)
        {
            if (dialect == CsvDialectParameter.Excel) chosen = ExportFormat.ExcelCsv;
            else if (dialect != CsvDialectParameter.Rfc4180) query.Error(CsvDialectParameter.Name, $"Must be one of: {CsvDialectParameter.Rfc4180}, {CsvDialectParameter.Excel}.");
        }
        var filter = readFilter(query, reference);
        if (!query.IsValid() || filter is null) return query.Problem();

        var context = http.RequestServices.GetRequiredService<DownloadContext>();
        var baseUrl = context.BaseUrl(http.Request);
        var fileName = $"{table.DownloadName(context.Today, chosen.IsSpreadsheetDialect ? "excel" : null)}.{chosen.Extension}";
        return Results.Stream(output => write(export, filter, reference, chosen, output, baseUrl, ct), chosen.ContentType, fileName);
    }
}
