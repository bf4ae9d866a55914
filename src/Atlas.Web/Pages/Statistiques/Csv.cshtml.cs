using Atlas.Core.Statistics;

namespace Atlas.Web.Pages.Statistiques;

/// <summary>/statistiques/{chart}.csv: the figures one chart draws, from the same query and chart builder as the page.</summary>
public sealed class CsvModel(AtlasStatisticsQuery statistics, ReferenceCatalog catalog, TimeProvider clock, PublicBaseUrl publicBaseUrl) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        var chart = StatisticsCharts.Of(await statistics.GetAsync(reference, ct), reference).FirstOrDefault(c => c.Slug == slug);
        if (chart is null) return NotFound();
        var fileName = $"{ExportTable.DatedName($"statistiques-{chart.Slug}", Format.Day(clock.GetUtcNow()))}.csv";
        return new CsvDownload(chart, fileName, publicBaseUrl.ForExports(Request));
    }

    private sealed class CsvDownload(StatisticsChart chart, string fileName, string baseUrl) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = ExportFormat.Csv.ContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await ExportFormat.Csv.WriteAsync(chart.Table, chart.Rows.ToAsyncEnumerable(), response.Body, baseUrl, context.HttpContext.RequestAborted);
        }
    }
}
