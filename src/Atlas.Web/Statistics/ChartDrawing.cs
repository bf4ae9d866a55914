using System.Globalization;
using Atlas.Core.Statistics;
using Atlas.Web.Pages.Shared;

namespace Atlas.Web.Statistics;

/// <summary>
/// The geometry of a <see cref="StatisticsChart"/> drawn as SVG on the server: vertical bars by year, horizontal bars
/// by category. Only numbers and texts: the partial _Chart renders them with classes (the CSP forbids style attributes).
/// </summary>
public sealed class ChartDrawing
{
    private const double Width = 720;
    private const double CategoryWidth = 230;
    private const double BarThickness = 12;
    private const double BarGap = 2;
    private const double GroupGap = 10;

    public ChartDrawing(StatisticsChart chart)
    {
        Chart = chart;
        var max = chart.Rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
        AxisMax = NiceMax(max);
        if (chart.Kind == ChartKind.Columns) DrawColumns(); else DrawBars();
    }

    public StatisticsChart Chart { get; }
    public decimal AxisMax { get; }
    public string ViewBox { get; private set; } = "";
    public List<ChartBar> Bars { get; } = [];
    public List<ChartText> Texts { get; } = [];
    public List<ChartTick> Grid { get; } = [];

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A value as the page writes it: "1 234", "12 500 €".</summary>
    public string Value(decimal value) =>
        Chart.Unit is { Length: 3 } currency && currency == currency.ToUpperInvariant() ? Format.Money(value, currency) : Format.Number(value);

    private void DrawColumns()
    {
        const double left = 64, right = 8, top = 12, plotHeight = 220, bottom = 40;
        var plotWidth = Width - left - right;
        var n = Math.Max(Chart.Rows.Count, 1);
        var group = plotWidth / n;
        var bar = Math.Max(1, group * 0.8 / Chart.Series.Count);
        var every = (int)Math.Ceiling(n / 14.0);
        for (var r = 0; r < Chart.Rows.Count; r++)
        {
            var row = Chart.Rows[r];
            var x0 = left + r * group + group * 0.1;
            for (var s = 0; s < Chart.Series.Count; s++)
            {
                var h = Scale(row.Values[s], plotHeight);
                Bars.Add(new ChartBar(x0 + s * bar, top + plotHeight - h, bar, h, s + 1, $"{row.Label} – {Chart.Series[s].Label} : {Value(row.Values[s])}"));
            }
            if (r % every == 0)
                Texts.Add(new ChartText(left + r * group + group / 2, top + plotHeight + 16, row.Label.Length > 8 ? row.Label[..8] : row.Label, "middle"));
        }
        foreach (var (value, y) in Ticks(plotHeight).Select(t => (t.Value, top + plotHeight - t.Offset)))
        {
            Grid.Add(new ChartTick(left, y, Width - right, y));
            Texts.Add(new ChartText(left - 6, y + 4, Short(value), "end"));
        }
        ViewBox = $"0 0 {N(Width)} {N(top + plotHeight + bottom)}";
    }

    private void DrawBars()
    {
        const double top = 8, right = 70, axis = 20;
        var plotWidth = Width - CategoryWidth - right;
        var group = Chart.Series.Count * (BarThickness + BarGap) - BarGap + GroupGap;
        for (var r = 0; r < Chart.Rows.Count; r++)
        {
            var row = Chart.Rows[r];
            var y0 = top + r * group;
            var label = row.Label.Length > 34 ? row.Label[..33] + "…" : row.Label;
            Texts.Add(new ChartText(CategoryWidth - 8, y0 + (group - GroupGap) / 2 + 4, label, "end"));
            for (var s = 0; s < Chart.Series.Count; s++)
            {
                var y = y0 + s * (BarThickness + BarGap);
                var w = Scale(row.Values[s], plotWidth);
                Bars.Add(new ChartBar(CategoryWidth, y, w, BarThickness, s + 1, $"{row.Label} – {Chart.Series[s].Label} : {Value(row.Values[s])}"));
                Texts.Add(new ChartText(CategoryWidth + w + 4, y + BarThickness - 2, Short(row.Values[s]), "start", "chart-value"));
            }
        }
        var bottom = top + Chart.Rows.Count * group;
        foreach (var (value, x) in Ticks(plotWidth).Select(t => (t.Value, CategoryWidth + t.Offset)))
        {
            Grid.Add(new ChartTick(x, top, x, bottom));
            Texts.Add(new ChartText(x, bottom + 14, Short(value), "middle"));
        }
        ViewBox = $"0 0 {N(Width)} {N(bottom + axis)}";
    }

    private double Scale(decimal value, double length) => AxisMax == 0 ? 0 : (double)(value / AxisMax) * length;

    private IEnumerable<(decimal Value, double Offset)> Ticks(double length)
    {
        if (AxisMax == 0) yield break;
        var step = AxisMax / 4;
        for (var i = 0; i <= 4; i++) yield return (step * i, Scale(step * i, length));
    }

    /// <summary>1 234 567 → "1,2 M" on the axis; small numbers as they are.</summary>
    private static string Short(decimal value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", Format.French) + " M",
        >= 10_000 => (value / 1_000).ToString("0.#", Format.French) + " k",
        _ => Format.Number(value),
    };

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above <paramref name="max"/>, so that quarter ticks are round.</summary>
    public static decimal NiceMax(decimal max)
    {
        if (max <= 0) return 0;
        if (max <= 4) return 4;
        var magnitude = 1m;
        while (magnitude * 10 <= max) magnitude *= 10;
        foreach (var factor in new[] { 1m, 2m, 4m, 5m, 8m, 10m })
        {
            if (factor * magnitude >= max) return factor * magnitude;
        }
        return 10 * magnitude;
    }
}
