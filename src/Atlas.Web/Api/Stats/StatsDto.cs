namespace Atlas.Web.Api.Stats;

/// <summary>The atlas in figures, computed from the database when asked.</summary>
/// <param name="Totals">Totals.</param>
/// <param name="ByCountry">Partner countries, by code (France, the home side of every partnership, is left out).</param>
/// <param name="ByRegion">French regions of the French authorities taking part, by code.</param>
/// <param name="ByTheme">Themes of levels 1 and 2, in the tree's order.</param>
/// <param name="ByYear">Projects by start year and partnerships by year of signature, unknown years last.</param>
/// <param name="FundingByYear">Funding sums per year and currency.</param>
/// <param name="FundingByCurrency">Funding sums per currency over every year.</param>
/// <param name="Activity">Projects started, going on and ended in each year, as the statistics page charts them.</param>
public sealed record StatsDto(
    StatsTotalsDto Totals, IReadOnlyList<StatsCountryDto> ByCountry, IReadOnlyList<StatsRegionDto> ByRegion, IReadOnlyList<StatsThemeDto> ByTheme,
    IReadOnlyList<StatsYearDto> ByYear, IReadOnlyList<StatsFundingYearDto> FundingByYear, IReadOnlyList<StatsFundingCurrencyDto> FundingByCurrency,
    IReadOnlyList<StatsActivityDto> Activity);
