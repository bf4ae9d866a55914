using System.Collections.Frozen;

namespace Atlas.Web.Map;

/// <summary>Projected SVG outlines keyed by code, with the view box they were drawn for.</summary>
public sealed class ShapeSet
{
    /// <summary>The bounding box of each outline, and a point's box for each dot.</summary>
    public required FrozenDictionary<string, Box> Boxes { get; init; }

    public required string ViewBox { get; init; }
    /// <summary>Who drew the outlines and under which licence, said in words on the pages that show them.</summary>
    public required MapCredit Credit { get; init; }
    /// <summary>The codes of the outlines, in code order (so that the SVG is the same on every request).</summary>
    public required IReadOnlyList<string> Codes { get; init; }
    /// <summary>SVG path data by code.</summary>
    public required FrozenDictionary<string, string> Paths { get; init; }
    public required FrozenDictionary<string, MapDot> Dots { get; init; }
}
