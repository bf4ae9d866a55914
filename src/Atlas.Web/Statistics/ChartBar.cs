namespace Atlas.Web.Statistics;

/// <summary>One bar: its rectangle in SVG units, its series (colour class chart-s1…), and what it says on hover.</summary>
public sealed record ChartBar(double X, double Y, double Width, double Height, int Series, string Title);
