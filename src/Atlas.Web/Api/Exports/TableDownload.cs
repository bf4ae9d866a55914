using Atlas.Core.Export;
using Atlas.Core.Reference;
using Atlas.Web.Api.Lists;

namespace Atlas.Web.Api.Exports;

/// <summary>
/// One export table in one format: reads the filter of its list from the query string with the list's own code, refuses
/// a bad or unknown parameter by name, and streams the rows of the matching records.
/// </summary>
internal sealed class TableDownload<TExport, TFilter>(
    string fileName, ExportFormat format,
    Func<ApiQuery, ReferenceCatalog.Snapshot, TFilter?> readFilter,
    Func<TExport, TFilter, ReferenceCatalog.Snapshot, Stream, CancellationToken, Task> write)
    where TFilter : class
{
    public async Task<IResult> RespondAsync(HttpContext http, TExport export, ReferenceCatalog catalog, CancellationToken ct)
    {
        // The handler's parameters describe the API; the query string is read as a whole so that a bad or unknown one is named.
        var reference = await catalog.GetAsync(ct);
        var query = new ApiQuery(http.Request.Query);
        var filter = readFilter(query, reference);
        if (!query.IsValid() || filter is null) return query.Problem();
        return Results.Stream(output => write(export, filter, reference, output, ct), format.ContentType, fileName);
    }
}
