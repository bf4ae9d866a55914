using Atlas.Core.Statistics;

namespace Atlas.Web.Pages.Statistiques;

/// <summary>/statistiques: the atlas in charts drawn on the server, each with its table and its CSV (same Core query).</summary>
public sealed class StatistiquesIndexModel(AtlasStatisticsQuery statistics, ReferenceCatalog catalog) : PageModel
{
    public AtlasStatistics Statistics { get; private set; } = null!;
    public IReadOnlyList<StatisticsChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        Statistics = await statistics.GetAsync(reference, ct);
        Charts = StatisticsCharts.Of(Statistics, reference);
    }
}
