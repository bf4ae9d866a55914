namespace Atlas.Web.Statistics;

/// <summary>A grid line at a round value of the axis.</summary>
public sealed record ChartTick(double X1, double Y1, double X2, double Y2);
