using System.Collections.Frozen;
using System.Text.Json;

namespace Atlas.Web.Map;

/// <summary>A dot for a country too small to draw at the map's scale.</summary>
public sealed record MapDot(double X, double Y);

/// <summary>Projected SVG outlines keyed by code, with the view box they were drawn for.</summary>
public sealed class ShapeSet
{
    public required string ViewBox { get; init; }
    public required string Source { get; init; }
    /// <summary>The codes of the outlines, in code order (so that the SVG is the same on every request).</summary>
    public required IReadOnlyList<string> Codes { get; init; }
    /// <summary>SVG path data by code.</summary>
    public required FrozenDictionary<string, string> Paths { get; init; }
    public required FrozenDictionary<string, MapDot> Dots { get; init; }
}

/// <summary>
/// The boundaries the portal ships (built by scripts/map-data from npm packages, see README): the world's countries by
/// ISO alpha-2 code and metropolitan France's départements by INSEE code. Read once from the assembly; no request at run time.
/// </summary>
public static class MapShapes
{
    public static ShapeSet World { get; } = Load("world.json");

    public static ShapeSet FranceDepartments { get; } = Load("france-departements.json");

    private sealed record Shape(string Code, string D);

    private sealed record Marker(string Code, double X, double Y);

    private sealed record ShapeFile(string Source, string ViewBox, List<Shape> Shapes, List<Marker>? Markers);

    private static ShapeSet Load(string name)
    {
        using var stream = typeof(MapShapes).Assembly.GetManifestResourceStream($"Atlas.Web.Map.Data.{name}")
            ?? throw new InvalidOperationException($"Map data {name} is not embedded in Atlas.Web.");
        var file = JsonSerializer.Deserialize<ShapeFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Map data {name} is empty.");
        return new ShapeSet
        {
            ViewBox = file.ViewBox,
            Source = file.Source,
            Codes = file.Shapes.Select(s => s.Code).Order(StringComparer.Ordinal).ToList(),
            Paths = file.Shapes.ToFrozenDictionary(s => s.Code, s => s.D, StringComparer.Ordinal),
            Dots = (file.Markers ?? []).ToFrozenDictionary(m => m.Code, m => new MapDot(m.X, m.Y), StringComparer.Ordinal),
        };
    }
}
