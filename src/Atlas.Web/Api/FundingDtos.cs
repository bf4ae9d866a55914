namespace Atlas.Web.Api;

/// <summary>A project as referenced from a funding line.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the project.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record FundedProjectDto(int Id, string Title, string Url, string ApiUrl);

/// <summary>Who pays a funding line.</summary>
/// <param name="Type">authority (a local authority) or organisation.</param>
/// <param name="Id">Identifier of the authority or of the organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when known.</param>
/// <param name="Url">Public page of the authority (organisations have none).</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record FunderDto(string Type, int Id, string Name, string? Country, string? Url, string ApiUrl);

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
