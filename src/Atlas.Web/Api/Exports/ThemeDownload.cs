using Atlas.Core.Reference;
using Atlas.Core.Themes;
using Atlas.Web.Api.Lists;

namespace Atlas.Web.Api.Exports;

/// <summary>The theme table in one format: like /api/v1/themes, it takes no filter and refuses any (the CSV file takes its dialect).</summary>
internal sealed class ThemeDownload(TableDownload<ThemeExport, NoFilter> download)
{
    /// <param name="http">The request.</param>
    /// <param name="export">The theme export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(HttpContext http, ThemeExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
