namespace Atlas.Web.Api.Projects;

/// <summary>An amount in a currency.</summary>
/// <param name="Amount">The amount, never negative.</param>
/// <param name="Currency">ISO 4217 code (EUR, MAD…); amounts are never converted.</param>
public sealed record MoneyDto(decimal Amount, string Currency);
