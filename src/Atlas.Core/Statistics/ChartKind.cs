namespace Atlas.Core.Statistics;

/// <summary>Columns: one group of vertical bars per year. Bars: one group of horizontal bars per category.</summary>
public enum ChartKind { Columns, Bars }
