namespace Atlas.Web.Api;

/// <summary>The atlas's totals.</summary>
/// <param name="Projects">Every project.</param>
/// <param name="Partnerships">Every partnership.</param>
/// <param name="FundingLines">Every funding line.</param>
/// <param name="PartnerCountries">Countries with at least one project or partnership (France left out): the length of byCountry.</param>
public sealed record StatsTotalsDto(int Projects, int Partnerships, int FundingLines, int PartnerCountries);

/// <summary>What one partner country counts.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">French name.</param>
/// <param name="ProjectCount">Projects whose partner countries include it.</param>
/// <param name="PartnershipCount">Partnerships with at least one of its authorities.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its record in this API.</param>
public sealed record StatsCountryDto(string Code, string Name, int ProjectCount, int PartnershipCount, string Url, string ApiUrl);

/// <summary>What one French region counts.</summary>
/// <param name="Code">INSEE code of the region.</param>
/// <param name="Name">Its name.</param>
/// <param name="ProjectCount">Projects in which an authority of the region takes part.</param>
/// <param name="PartnershipCount">Partnerships of an authority of the region (its own region or its département's).</param>
public sealed record StatsRegionDto(string Code, string Name, int ProjectCount, int PartnershipCount);

/// <summary>What one theme counts, its sub-themes included.</summary>
/// <param name="Key">Stable key of the theme.</param>
/// <param name="Name">French name.</param>
/// <param name="Level">1 or 2.</param>
/// <param name="ParentKey">Key of its parent theme, null at level 1.</param>
/// <param name="ProjectCount">Projects under it, each counted once.</param>
/// <param name="PartnershipCount">Partnerships under it, each counted once.</param>
/// <param name="ApiUrl">The theme in this API.</param>
public sealed record StatsThemeDto(string Key, string Name, int Level, string? ParentKey, int ProjectCount, int PartnershipCount, string ApiUrl);

/// <summary>What one year counts.</summary>
/// <param name="Year">The year; null for records whose year is not known.</param>
/// <param name="ProjectCount">Projects that started that year.</param>
/// <param name="PartnershipCount">Partnerships signed that year.</param>
public sealed record StatsYearDto(int? Year, int ProjectCount, int PartnershipCount);

/// <summary>The sum of the funding lines of one year in one currency; sums never mix currencies.</summary>
/// <param name="Year">The year; null for lines whose year is not known.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Amount">Sum of the amounts.</param>
/// <param name="WaterLawAmount">Sum of the parts under the 1 % water and sanitation law.</param>
/// <param name="Lines">How many funding lines.</param>
public sealed record StatsFundingYearDto(int? Year, string Currency, decimal Amount, decimal WaterLawAmount, int Lines);

/// <summary>The sum of the funding lines of one currency over every year.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Amount">Sum of the amounts.</param>
/// <param name="WaterLawAmount">Sum of the parts under the 1 % water and sanitation law.</param>
/// <param name="Lines">How many funding lines.</param>
public sealed record StatsFundingCurrencyDto(string Currency, decimal Amount, decimal WaterLawAmount, int Lines);

/// <summary>The atlas in figures, computed from the database when asked.</summary>
/// <param name="Totals">Totals.</param>
/// <param name="ByCountry">Partner countries, by code (France, the home side of every partnership, is left out).</param>
/// <param name="ByRegion">French regions of the French authorities taking part, by code.</param>
/// <param name="ByTheme">Themes of levels 1 and 2, in the tree's order.</param>
/// <param name="ByYear">Projects by start year and partnerships by year of signature, unknown years last.</param>
/// <param name="FundingByYear">Funding sums per year and currency.</param>
/// <param name="FundingByCurrency">Funding sums per currency over every year.</param>
public sealed record StatsDto(
    StatsTotalsDto Totals, IReadOnlyList<StatsCountryDto> ByCountry, IReadOnlyList<StatsRegionDto> ByRegion, IReadOnlyList<StatsThemeDto> ByTheme,
    IReadOnlyList<StatsYearDto> ByYear, IReadOnlyList<StatsFundingYearDto> FundingByYear, IReadOnlyList<StatsFundingCurrencyDto> FundingByCurrency);
