using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Atlas.Web.Map;

/// <summary>
/// The boundaries the portal ships (built by scripts/map-data from npm packages, see README): the world's countries by
/// ISO alpha-2 code and metropolitan France's départements by INSEE code. Read once from the assembly; no request at run time.
/// </summary>
public static partial class MapShapes
{
    public static ShapeSet World { get; } = Load("world.json");

    public static ShapeSet FranceDepartments { get; } = Load("france-departements.json");

    private sealed record Shape(string Code, string D);

    private sealed record Marker(string Code, double X, double Y);

    private sealed record ShapeFile(string Source, string? SourceUrl, string Licence, string? LicenceUrl, string Subject, string ViewBox,
        List<Shape> Shapes, List<Marker>? Markers);

    private static ShapeSet Load(string name)
    {
        using var stream = typeof(MapShapes).Assembly.GetManifestResourceStream($"Atlas.Web.Map.Data.{name}")
            ?? throw new InvalidOperationException($"Map data {name} is not embedded in Atlas.Web.");
        var file = JsonSerializer.Deserialize<ShapeFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Map data {name} is empty.");
        var boxes = file.Shapes.ToDictionary(s => s.Code, s => BoxOf(s.D), StringComparer.Ordinal);
        foreach (var m in file.Markers ?? []) boxes.TryAdd(m.Code, new Box(m.X, m.Y, m.X, m.Y));
        return new ShapeSet
        {
            Boxes = boxes.ToFrozenDictionary(StringComparer.Ordinal),
            ViewBox = Padded(boxes.Values),
            Credit = new MapCredit(file.Subject, file.Source, file.SourceUrl, file.Licence, file.LicenceUrl),
            Codes = file.Shapes.Select(s => s.Code).Order(StringComparer.Ordinal).ToList(),
            Paths = file.Shapes.ToFrozenDictionary(s => s.Code, s => s.D, StringComparer.Ordinal),
            Dots = (file.Markers ?? []).ToFrozenDictionary(m => m.Code, m => new MapDot(m.X, m.Y), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The outlines' own bounds with a margin of 1 % of the width: the source's view box ends exactly at Finistère and
    /// Corsica (x 0 and 612 of 613, y 584 of 585), so that their edge strokes were cut in half.
    /// </summary>
    private static string Padded(IEnumerable<Box> boxes)
    {
        var all = boxes.Aggregate((a, b) => a.Union(b));
        var margin = Math.Ceiling((all.MaxX - all.MinX) / 100);
        double[] values = [Math.Floor(all.MinX - margin), Math.Floor(all.MinY - margin),
            Math.Ceiling(all.MaxX - all.MinX + 2 * margin), Math.Ceiling(all.MaxY - all.MinY + 2 * margin)];
        return string.Join(' ', values.Select(v => v.ToString("0.#", CultureInfo.InvariantCulture)));
    }

    /// <summary>The bounds of a path written as the map-data script writes them: M x y, then relative l and m moves, z.</summary>
    internal static Box BoxOf(string path)
    {
        double x = 0, y = 0, startX = 0, startY = 0;
        var box = new Box(double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        char command = 'M';
        var pending = new List<double>(2);
        foreach (Match token in PathToken().Matches(path))
        {
            if (char.IsLetter(token.Value[0]))
            {
                command = token.Value[0];
                if (command is 'z' or 'Z') (x, y) = (startX, startY);
                continue;
            }
            pending.Add(double.Parse(token.Value, CultureInfo.InvariantCulture));
            if (pending.Count < 2) continue;
            (x, y) = command is 'M' or 'L' ? (pending[0], pending[1]) : (x + pending[0], y + pending[1]);
            if (command is 'M' or 'm') (startX, startY) = (x, y);
            // Pairs after a move are lines, absolute or relative like the move.
            command = command switch { 'M' => 'L', 'm' => 'l', _ => command };
            pending.Clear();
            box = box.Union(new Box(x, y, x, y));
        }
        return box;
    }

    [GeneratedRegex(@"[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)")]
    private static partial Regex PathToken();
}
