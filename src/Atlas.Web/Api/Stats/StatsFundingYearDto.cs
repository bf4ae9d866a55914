namespace Atlas.Web.Api.Stats;

/// <summary>The sum of the funding lines of one year in one currency; sums never mix currencies.</summary>
/// <param name="Year">The year; null for lines whose year is not known.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Amount">Sum of the amounts.</param>
/// <param name="WaterLawAmount">Sum of the parts under the 1 % water and sanitation law.</param>
/// <param name="Lines">How many funding lines.</param>
public sealed record StatsFundingYearDto(int? Year, string Currency, decimal Amount, decimal WaterLawAmount, int Lines);
