namespace Atlas.Core.Statistics;

/// <summary>The atlas in figures, from the stored counts (<see cref="CountSnapshots"/>).</summary>
/// <param name="ByCountry">Partner countries (France, the home side of every partnership, is left out), by code.</param>
/// <param name="ByRegion">French regions (INSEE code) of the French authorities taking part, by code.</param>
/// <param name="ByTheme">Themes of levels 1 and 2, in tree order; a theme counts its sub-themes.</param>
/// <param name="ByYear">Projects by start year, partnerships by year of signature; null for unknown years, last.</param>
/// <param name="FundingByYear">Funding sums per year and currency.</param>
/// <param name="FundingByCurrency">Funding sums per currency over every year.</param>
/// <param name="Activity">Projects started, going on and ended in each year the atlas knows of; see <see cref="AtlasStatisticsQuery.ActivityByYear"/>.</param>
public sealed record AtlasStatistics(
    StatisticsTotals Totals, IReadOnlyList<CountBy<string>> ByCountry, IReadOnlyList<CountBy<string>> ByRegion,
    IReadOnlyList<CountBy<ThemeNode>> ByTheme, IReadOnlyList<CountBy<int?>> ByYear,
    IReadOnlyList<FundingTotal> FundingByYear, IReadOnlyList<FundingTotal> FundingByCurrency,
    IReadOnlyList<YearActivity> Activity);
