namespace Atlas.Web.Api.Stats;

/// <summary>The sum of the funding lines of one currency over every year.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Amount">Sum of the amounts.</param>
/// <param name="WaterLawAmount">Sum of the parts under the 1 % water and sanitation law.</param>
/// <param name="Lines">How many funding lines.</param>
public sealed record StatsFundingCurrencyDto(string Currency, decimal Amount, decimal WaterLawAmount, int Lines);
