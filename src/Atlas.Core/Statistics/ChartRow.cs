namespace Atlas.Core.Statistics;

/// <summary>One category of a chart (a year, a country…): its code, its French label, one value per series.</summary>
public sealed record ChartRow(string Code, string Label, IReadOnlyList<decimal> Values);
