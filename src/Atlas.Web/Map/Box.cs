namespace Atlas.Web.Map;

/// <summary>A rectangle in the map's units.</summary>
public readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
{
    public Box Union(Box other) => new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));
}
