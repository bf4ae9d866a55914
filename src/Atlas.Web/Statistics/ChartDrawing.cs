using Atlas.Core.Statistics;

namespace Atlas.Web.Statistics;

/// <summary>
/// The geometry of a <see cref="StatisticsChart"/> drawn as SVG on the server: vertical bars by year, horizontal bars
/// by category. Only numbers and texts: the partial _Chart renders them with classes (the CSP forbids style attributes).
/// </summary>
public sealed class ChartDrawing
{
    private const double Width = 720;
    private const double BarThickness = 12;
    private const double BarGap = 2;
    private const double GroupGap = 10;

    public ChartDrawing(StatisticsChart chart)
    {
        Chart = chart;
        var max = chart.Rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
        AxisStep = NiceStep(max);
        AxisMax = NiceMax(max);
        if (chart.Kind == ChartKind.Columns) DrawColumns(); else DrawBars();
    }

    public StatisticsChart Chart { get; }
    public decimal AxisMax { get; }
    public decimal AxisStep { get; }
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
        // Years sit on a linear axis: a year without any row keeps its place, empty. Rows that are not a year ("Année
        // inconnue") follow, after a gap.
        var years = Chart.Rows.Select(r => YearOf(r.Code)).OfType<int>().ToList();
        var firstYear = years.Count > 0 ? years.Min() : 0;
        var yearSlots = years.Count > 0 ? years.Max() - firstYear + 1 : 0;
        var others = Chart.Rows.Where(r => YearOf(r.Code) is null).ToList();
        var slots = Math.Max(yearSlots + (others.Count > 0 ? others.Count * 2 + 1 : 0), 1);
        var group = plotWidth / slots;
        var bar = Math.Max(1, group * 0.8 / Chart.Series.Count);
        double SlotX(ChartRow row) => YearOf(row.Code) is { } y
            ? left + (y - firstYear) * group
            : left + (yearSlots + 1 + others.IndexOf(row) * 2) * group + group / 2;
        foreach (var row in Chart.Rows)
        {
            var x0 = SlotX(row) + group * 0.1;
            for (var s = 0; s < Chart.Series.Count; s++)
            {
                var h = Scale(row.Values[s], plotHeight);
                Bars.Add(new ChartBar(x0 + s * bar, top + plotHeight - h, bar, h, SeriesOf(s), $"{row.Label} – {Chart.Series[s].Label} : {Value(row.Values[s])}"));
            }
            if (YearOf(row.Code) is null) Texts.Add(new ChartText(SlotX(row) + group / 2, top + plotHeight + 16, row.Label, "middle"));
        }
        if (yearSlots > 0)
        {
            // A label every 1, 2, 5, 10… years, on round years, at most one per 48 units so that none overlaps another.
            var every = new[] { 1, 2, 5, 10, 20, 25, 50, 100 }.First(e => group * e >= 48 || e == 100);
            for (var y = firstYear; y < firstYear + yearSlots; y++)
            {
                if (y % every != 0) continue;
                Texts.Add(new ChartText(left + (y - firstYear) * group + group / 2, top + plotHeight + 16, y.ToString(CultureInfo.InvariantCulture), "middle"));
            }
        }
        foreach (var (value, y) in Ticks(plotHeight).Select(t => (t.Value, top + plotHeight - t.Offset)))
        {
            Grid.Add(new ChartTick(left, y, Width - right, y));
            Texts.Add(new ChartText(left - 6, y + 4, Short(value), "end"));
        }
        ViewBox = $"0 0 {N(Width)} {N(top + plotHeight + bottom)}";
    }

    private static int? YearOf(string code) =>
        code.Length == 4 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private void DrawBars()
    {
        const double top = 8, right = 56, axis = 20, lineHeight = 14;
        // The category column is as wide as the longest name needs (about 6.6 units a character at 12 px), up to
        // MaxCategoryWidth; a longer name is wrapped on words rather than cut.
        var categoryWidth = Math.Clamp(Chart.Rows.Select(r => TextWidth(r.Label)).DefaultIfEmpty(0).Max() + 12, 60, MaxCategoryWidth);
        var plotWidth = Width - categoryWidth - right;
        var y0 = top;
        foreach (var row in Chart.Rows)
        {
            var lines = Wrap(row.Label, categoryWidth - 12);
            var barsHeight = Chart.Series.Count * (BarThickness + BarGap) - BarGap;
            var height = Math.Max(barsHeight, lines.Count * lineHeight);
            var firstLine = y0 + height / 2 - (lines.Count - 1) * lineHeight / 2 + 4;
            for (var l = 0; l < lines.Count; l++) Texts.Add(new ChartText(categoryWidth - 8, firstLine + l * lineHeight, lines[l], "end", "chart-label chart-category"));
            var barsTop = y0 + (height - barsHeight) / 2;
            for (var s = 0; s < Chart.Series.Count; s++)
            {
                var y = barsTop + s * (BarThickness + BarGap);
                var w = Scale(row.Values[s], plotWidth);
                Bars.Add(new ChartBar(categoryWidth, y, w, BarThickness, SeriesOf(s), $"{row.Label} – {Chart.Series[s].Label} : {Value(row.Values[s])}"));
                Texts.Add(new ChartText(categoryWidth + w + 4, y + BarThickness - 2, Short(row.Values[s]), "start", "chart-value"));
            }
            y0 += height + GroupGap;
        }
        var bottom = y0 - GroupGap;
        foreach (var (value, x) in Ticks(plotWidth).Select(t => (t.Value, categoryWidth + t.Offset)))
        {
            Grid.Add(new ChartTick(x, top, x, bottom));
            Texts.Add(new ChartText(x, bottom + 14, Short(value), "middle"));
        }
        ViewBox = $"0 0 {N(Width)} {N(bottom + axis)}";
    }

    private const double MaxCategoryWidth = 260;

    /// <summary>An estimate of a text's width at the charts' 12 px (Public Sans averages 0.55 em a character).</summary>
    private static double TextWidth(string text) => text.Length * 6.6;

    /// <summary>The label on as many lines as it needs to fit <paramref name="width"/>, cut between words only.</summary>
    internal static IReadOnlyList<string> Wrap(string label, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextWidth(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>
    /// The colour of a series is that of its name, the same in every chart ("projets" is always the primary blue,
    /// "partenariats" always orange), whatever its place in the chart: see the series-* classes in atlas.css.
    /// </summary>
    private string SeriesOf(int index) => Chart.Series[index].Name;

    private double Scale(decimal value, double length) => AxisMax == 0 ? 0 : (double)(value / AxisMax) * length;

    private IEnumerable<(decimal Value, double Offset)> Ticks(double length)
    {
        if (AxisMax == 0) yield break;
        for (var value = 0m; value <= AxisMax; value += AxisStep) yield return (value, Scale(value, length));
    }

    /// <summary>1 234 567 → "1,2 M" on the axis; small numbers as they are.</summary>
    private static string Short(decimal value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", Format.French) + " M",
        >= 10_000 => (value / 1_000).ToString("0.#", Format.French) + " k",
        _ => Format.Number(value),
    };

    /// <summary>
    /// The step of the value axis: the smallest of 1, 2, 2.5, 5 × 10ⁿ (whole numbers only) that divides the axis into at
    /// most six intervals; the axis ends at the first step at or above <paramref name="max"/>, so that it ends near the
    /// largest value (208 → 250 by 50, 72 → 80 by 20) rather than at the next power of ten.
    /// </summary>
    public static decimal NiceStep(decimal max)
    {
        if (max <= 0) return 1;
        var magnitude = 1m;
        while (magnitude * 10 <= max / 6) magnitude *= 10;
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            var step = factor * magnitude;
            if (step == decimal.Truncate(step) && Math.Ceiling(max / step) <= 6) return step;
        }
        return 10 * magnitude;
    }

    /// <summary>Where the value axis ends: the first multiple of <see cref="NiceStep"/> at or above <paramref name="max"/>.</summary>
    public static decimal NiceMax(decimal max) => max <= 0 ? 0 : Math.Ceiling(max / NiceStep(max)) * NiceStep(max);
}
