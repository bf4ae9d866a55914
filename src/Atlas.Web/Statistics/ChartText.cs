namespace Atlas.Web.Statistics;

/// <summary>A text of the chart: axis labels, category names, values.</summary>
public sealed record ChartText(double X, double Y, string Text, string Anchor, string Css = "chart-label");
