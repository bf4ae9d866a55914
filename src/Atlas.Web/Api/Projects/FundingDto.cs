namespace Atlas.Web.Api.Projects;

/// <summary>A funding line.</summary>
/// <param name="Funder">Who pays: an authority or an organisation.</param>
/// <param name="Amount">Amount, never negative.</param>
/// <param name="Currency">ISO 4217 currency code of the amount.</param>
/// <param name="WaterLawAmount">Part under the 1 % water and sanitation law (loi Oudin-Santini, 2005), same currency.</param>
/// <param name="Year">Year of the funding.</param>
/// <param name="Note">What the source says of it (e.g. financial and in-kind contributions).</param>
public sealed record FundingDto(ParticipantDto Funder, decimal Amount, string Currency, decimal? WaterLawAmount, int? Year, string? Note);
