namespace Atlas.Web.Map;

/// <summary>
/// A choropleth map drawn server-side as SVG: outlines of <see cref="Shapes"/>, each shape in the colour of its area's
/// value. <see cref="AreaOf"/> groups shapes into areas (départements into regions); by default a shape is its own area.
/// </summary>
public sealed class Choropleth
{
    /// <summary>The number of colour classes above zero (classes map-c1 … map-c5 in atlas.css; map-c0 is "none").</summary>
    public const int Classes = 5;

    public Choropleth(string id, string title, string unit, ShapeSet shapes, IEnumerable<MapArea> areas, Func<string, string?>? areaOf = null,
        string? markedLabel = null)
    {
        MarkedLabel = markedLabel;
        Id = id;
        Title = title;
        Unit = unit;
        Shapes = shapes;
        Areas = areas.Where(a => a.Value > 0 || a.Marked).ToDictionary(a => a.Code, StringComparer.Ordinal);
        AreaOf = areaOf ?? (code => code);
        _shapesByArea = shapes.Codes
            .Select(c => (Code: c, Area: AreaOf(c))).Where(x => x.Area is not null)
            .GroupBy(x => x.Area!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => g.Select(x => x.Code).ToList(), StringComparer.Ordinal);
        ViewBox = shapes.ViewBox;
        Legend = LegendFor(Areas.Values.Select(a => a.Value));
    }

    private readonly Dictionary<string, IReadOnlyList<string>> _shapesByArea;

    /// <summary>The part of the map the SVG shows: all of it, or around the areas (see <see cref="ZoomTo"/>).</summary>
    public string ViewBox { get; private set; } = "";

    public string Id { get; }
    public string Title { get; }
    /// <summary>What the values count, in the plural ("projets").</summary>
    public string Unit { get; }
    public ShapeSet Shapes { get; }
    public IReadOnlyDictionary<string, MapArea> Areas { get; }
    public Func<string, string?> AreaOf { get; }
    public IReadOnlyList<LegendStep> Legend { get; }
    /// <summary>What the legend says of marked places without value; null when there are none.</summary>
    public string? MarkedLabel { get; }
    public bool HasMarked => MarkedLabel is not null && Areas.Values.Any(a => a.Value == 0);

    /// <summary>The colour class of an area: map-c1…map-c5 by value, map-p for a marked place without value.</summary>
    public string CssOf(MapArea area) => area.Value > 0 ? $"map-c{ClassOf(area.Value)}" : "map-p";

    /// <summary>Areas with a value whose place the map cannot draw (overseas départements, microstates missing from the data).</summary>
    public IReadOnlyList<MapArea> NotDrawn => Areas.Values
        .Where(a => !Shapes.Dots.ContainsKey(a.Code) && ShapesOf(a.Code).Count == 0)
        .OrderBy(a => a.Name, Atlas.Core.Data.FrenchOrder.Comparer).ToList();

    /// <summary>
    /// Shows only the part of the map around the areas and the <paramref name="context"/> shapes (France, for a map of
    /// partners abroad), with a margin and at least a fifth of the map's width, so that small countries are visible.
    /// </summary>
    public Choropleth ZoomTo(params string[] context)
    {
        var boxes = Areas.Keys.SelectMany(a => ShapesOf(a).DefaultIfEmpty(a)).Concat(context)
            .Where(Shapes.Boxes.ContainsKey).Select(c => Shapes.Boxes[c]).ToList();
        if (boxes.Count == 0) return this;
        var box = boxes.Aggregate((a, b) => a.Union(b));
        var full = Shapes.ViewBox.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var width = Math.Max((box.MaxX - box.MinX) * 1.3, full[2] / 5);
        var height = Math.Max((box.MaxY - box.MinY) * 1.3, width * 0.6);
        width = Math.Max(width, height * 1.2);
        var x = Math.Clamp((box.MinX + box.MaxX - width) / 2, full[0], Math.Max(full[0], full[0] + full[2] - width));
        var y = Math.Clamp((box.MinY + box.MaxY - height) / 2, full[1], Math.Max(full[1], full[1] + full[3] - height));
        _view = new Box(x, y, x + width, y + height);
        ViewBox = string.Join(' ', new[] { x, y, Math.Min(width, full[2]), Math.Min(height, full[3]) }.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)));
        return this;
    }

    private Box? _view;

    /// <summary>Whether a shape shows in the view box: those outside a zoomed view are not sent.</summary>
    public bool InView(string code) => _view is not { } v || !Shapes.Boxes.TryGetValue(code, out var b)
        || (b.MaxX >= v.MinX && b.MinX <= v.MaxX && b.MaxY >= v.MinY && b.MinY <= v.MaxY);

    /// <summary>The shapes drawn for an area, in code order.</summary>
    public IReadOnlyList<string> ShapesOf(string areaCode) => _shapesByArea.TryGetValue(areaCode, out var codes) ? codes : [];


    public int ClassOf(int value) => value <= 0 ? 0 : Legend.First(s => value <= s.To).Class;

    /// <summary>Round upper bounds a class may end at: the breaks read 1, 2 à 5, 6 à 10, 11 à 25…</summary>
    private static readonly int[] NiceBounds = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000, 1000000];

    /// <summary>
    /// Up to five classes computed from the values themselves: each quintile of the places, rounded up to a round bound
    /// (1, 2, 5, 10, 25, 50…), so that a skewed distribution (one country with 208 projects, three with one) gets classes
    /// that hold places rather than empty steps of a linear scale; the last class is open ("26 et plus"). Up to five, each
    /// value found is its own class. Fewer classes are spread over the five colours, so that the extremes always stand apart.
    /// </summary>
    public static IReadOnlyList<LegendStep> LegendFor(IEnumerable<int> values)
    {
        var sorted = values.Where(v => v > 0).Order().ToArray();
        if (sorted.Length == 0) return [];
        var max = sorted[^1];
        var uppers = new SortedSet<int>();
        if (max <= Classes)
        {
            foreach (var v in sorted.Where(v => v < max)) uppers.Add(v);
        }
        else
        {
            for (var q = 1; q < Classes; q++)
            {
                // Nearest-rank quantile; its round bound is a class's upper end unless it reaches the largest value.
                var value = sorted[(int)Math.Ceiling(q * sorted.Length / (double)Classes) - 1];
                var bound = Array.Find(NiceBounds, b => b >= value);
                if (bound > 0 && bound < max) uppers.Add(bound);
            }
        }
        var ranges = new List<(int From, int To)>();
        var from = 1;
        foreach (var upper in uppers)
        {
            ranges.Add((from, upper));
            from = upper + 1;
        }
        ranges.Add((from, max));
        var open = max > Classes;
        return ranges.Select((r, i) => new LegendStep(Colour(i, ranges.Count), r.From, r.To, Open: open && i == ranges.Count - 1 && r.From < r.To)).ToList();
    }

    /// <summary>The colour (1…5) of class <paramref name="index"/> of <paramref name="count"/>: evenly spread, the last one darkest.</summary>
    private static int Colour(int index, int count) =>
        count == 1 ? Classes : 1 + (int)Math.Round(index * (Classes - 1) / (double)(count - 1), MidpointRounding.AwayFromZero);
}
