namespace Atlas.Web.Statistics;

/// <summary>One bar: its rectangle in SVG units, its series's name (its colour: class series-{name}), and what it says on hover.</summary>
public sealed record ChartBar(double X, double Y, double Width, double Height, string Series, string Title);
