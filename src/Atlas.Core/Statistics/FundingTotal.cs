namespace Atlas.Core.Statistics;

/// <summary>The sum of the funding lines of one currency (and one year, or every year); never converted, never mixed.</summary>
public sealed record FundingTotal(int? Year, string Currency, decimal Amount, decimal WaterLawAmount, int Lines);
