namespace Atlas.Core.Statistics;

/// <summary>
/// A chart of the statistics page: what it draws is exactly its rows, which its table shows and its CSV holds
/// (<see cref="Table"/>), so that the three can never disagree.
/// </summary>
public sealed record StatisticsChart(
    string Slug, string Title, string Summary, ChartKind Kind, string CategoryLabel, IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartRow> Rows, string? Note = null, string? Unit = null)
{
    /// <summary>The CSV download: code, label, then one column per series.</summary>
    public ExportTable<ChartRow> Table
    {
        get
        {
            var columns = new ExportColumns<ChartRow>()
                .String("code", r => r.Code, "Code", "Category code: year, ISO country code, INSEE region code, theme key or currency code.", "MA", required: true)
                .String("libelle", r => r.Label, CategoryLabel, "Category label, in French.", "Maroc", required: true);
            for (var i = 0; i < Series.Count; i++)
            {
                var index = i;
                columns.Number(Series[i].Name, r => r.Values[index], Series[i].Label, $"{Series[i].Label} (figure drawn on the chart).", "12", required: true);
            }
            var name = Slug.Replace('-', '_');
            return new ExportTable<ChartRow>(new ExportTableInfo(name, Title, Title, Summary, Summary, "none", [], []), columns);
        }
    }
}
