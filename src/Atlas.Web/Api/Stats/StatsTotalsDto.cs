namespace Atlas.Web.Api.Stats;

/// <summary>The atlas's totals.</summary>
/// <param name="Projects">Every project.</param>
/// <param name="Partnerships">Every partnership.</param>
/// <param name="FundingLines">Every funding line.</param>
/// <param name="PartnerCountries">Countries with at least one project or partnership (France left out): the length of byCountry.</param>
public sealed record StatsTotalsDto(int Projects, int Partnerships, int FundingLines, int PartnerCountries);
