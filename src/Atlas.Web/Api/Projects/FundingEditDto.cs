namespace Atlas.Web.Api.Projects;

/// <summary>A funding line, as edited.</summary>
/// <param name="Id">The line changed; null or left out for a new line.</param>
/// <param name="FunderAuthorityId">Id of the funding authority; give it or funderOrganisationId, not both.</param>
/// <param name="FunderOrganisationId">Id of the funding organisation.</param>
/// <param name="Amount">Amount, never negative; required.</param>
/// <param name="Currency">ISO 4217 code of the amount; required.</param>
/// <param name="WaterLawAmount">Part under the 1 % water and sanitation law, same currency, at most the amount.</param>
/// <param name="Year">Year of the funding.</param>
/// <param name="Note">What the source says of it, at most 500 characters.</param>
public sealed record FundingEditDto(
    int? Id, int? FunderAuthorityId, int? FunderOrganisationId, decimal? Amount, string? Currency, decimal? WaterLawAmount, int? Year, string? Note);
