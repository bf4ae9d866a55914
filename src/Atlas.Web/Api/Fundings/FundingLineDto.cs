namespace Atlas.Web.Api.Fundings;

/// <summary>A funding line of a project. Amounts keep their own currency and are never converted.</summary>
/// <param name="Id">Stable identifier of the line.</param>
/// <param name="Project">The funded project.</param>
/// <param name="Funder">Who pays.</param>
/// <param name="Amount">Amount, never negative, in <c>currency</c>.</param>
/// <param name="Currency">ISO 4217 code of the amount (EUR, MAD…).</param>
/// <param name="WaterLawAmount">Part under the 1 % water and sanitation law (loi Oudin-Santini, 2005), same currency.</param>
/// <param name="Year">Year of the funding.</param>
/// <param name="Note">What the source says of it (e.g. financial and in-kind contributions).</param>
public sealed record FundingLineDto(
    int Id, FundedProjectDto Project, FunderDto Funder, decimal Amount, string Currency, decimal? WaterLawAmount, int? Year, string? Note);
