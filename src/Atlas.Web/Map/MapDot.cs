namespace Atlas.Web.Map;

/// <summary>A dot for a country too small to draw at the map's scale.</summary>
public sealed record MapDot(double X, double Y);
