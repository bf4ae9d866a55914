namespace Atlas.Core.Statistics;

/// <summary>One series of a chart: its CSV column (snake_case) and its French label.</summary>
public sealed record ChartSeries(string Name, string Label);
