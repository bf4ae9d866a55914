using Atlas.Core.Data;
using Atlas.Core.Reference;
using Atlas.Core.Themes;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Statistics;

public sealed record StatisticsTotals(int Projects, int Partnerships, int FundingLines, int PartnerCountries);

/// <summary>Projects and partnerships of one partner country, French region, theme or year.</summary>
public sealed record CountBy<TKey>(TKey Key, int Projects, int Partnerships);

/// <summary>The sum of the funding lines of one currency (and one year, or every year); never converted, never mixed.</summary>
public sealed record FundingTotal(int? Year, string Currency, decimal Amount, decimal WaterLawAmount, int Lines);

/// <summary>Projects of one calendar year: started that year, going on through it (started before, not ended), ended that year.</summary>
public sealed record YearActivity(int Year, int Started, int Ongoing, int Ended);

/// <summary>The atlas in figures, each computed from the database.</summary>
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

/// <summary>How many projects have these years and this completion, for <see cref="AtlasStatisticsQuery.ActivityByYear"/>.</summary>
public sealed record ProjectYears(int? StartYear, int? EndYear, bool Completed, int Count = 1);

public sealed class AtlasStatisticsQuery(AtlasDbContext db, TimeProvider clock)
{
    public async Task<AtlasStatistics> GetAsync(ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var projects = await db.Projects.CountAsync(ct).ConfigureAwait(false);
        var partnerships = await db.Partnerships.CountAsync(ct).ConfigureAwait(false);
        var fundingLines = await db.Fundings.CountAsync(ct).ConfigureAwait(false);

        var projectsByCountry = await db.Projects.SelectMany(p => p.CountryCodes).GroupBy(c => c)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var partnershipsByCountry = await Geography.PartnershipsByCountry.CountAsync(db, ct).ConfigureAwait(false);

        var projectsByRegion = await db.Projects.SelectMany(p => p.RegionCodes).GroupBy(c => c)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        // A French authority's region is its own or its département's, as in the projects' search columns.
        var partnershipsByRegion = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode == Domain.Countries.France)
            .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId })
            .Where(x => x.Code != null).Distinct()
            .GroupBy(x => x.Code!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);

        var projectsByYear = await db.Projects.GroupBy(p => p.StartYear)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var partnershipsByYear = await db.Partnerships.GroupBy(p => p.SignedYear)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);

        var fundingByYear = await db.Fundings.GroupBy(f => new { f.Year, f.CurrencyCode })
            .Select(g => new FundingTotal(g.Key.Year, g.Key.CurrencyCode, g.Sum(f => f.Amount), g.Sum(f => f.WaterLawAmount) ?? 0m, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);
        var fundingByCurrency = await db.Fundings.GroupBy(f => f.CurrencyCode)
            .Select(g => new FundingTotal(null, g.Key, g.Sum(f => f.Amount), g.Sum(f => f.WaterLawAmount) ?? 0m, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);

        // Grouped in the database: a few hundred combinations of years, whatever the number of projects.
        var projectYears = await db.Projects
            .GroupBy(p => new { p.StartYear, p.EndYear, Completed = p.Status == Domain.ProjectStatus.Completed })
            .Select(g => new ProjectYears(g.Key.StartYear, g.Key.EndYear, g.Key.Completed, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);

        var themeCounts = await ThemeCounts.ComputeAsync(db, reference, ct).ConfigureAwait(false);

        var byCountry = Merge(projectsByCountry, partnershipsByCountry).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var byRegion = Merge(projectsByRegion, partnershipsByRegion).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var byTheme = reference.Children(null)
            .SelectMany(top => reference.Children(top.Id).Prepend(top))
            .Select(t => new CountBy<ThemeNode>(t, themeCounts[t.Id].Projects, themeCounts[t.Id].Partnerships))
            .ToList();
        var years = projectsByYear.ToDictionary(x => x.Key ?? 0, x => x.Count);
        var signed = partnershipsByYear.ToDictionary(x => x.Key ?? 0, x => x.Count);
        var byYear = Merge(years, signed).OrderBy(y => y.Key == 0 ? int.MaxValue : y.Key)
            .Select(y => new CountBy<int?>(y.Key == 0 ? null : y.Key, y.Projects, y.Partnerships)).ToList();

        return new AtlasStatistics(
            new StatisticsTotals(projects, partnerships, fundingLines, byCountry.Count),
            byCountry, byRegion, byTheme, byYear,
            fundingByYear.OrderBy(f => f.Year ?? int.MaxValue).ThenBy(f => f.Currency, StringComparer.Ordinal).ToList(),
            fundingByCurrency.OrderBy(f => f.Currency, StringComparer.Ordinal).ToList(),
            ActivityByYear(projectYears, clock.GetUtcNow().Year));
    }

    /// <summary>
    /// Each year from the first start year to the last start or end year (not after <paramref name="thisYear"/>, but for
    /// a planned start): projects started that year, ended that year, and going on through it (started before and
    /// ending after; without an end year, a project not marked completed goes on, and a completed one is not counted as going on).
    /// Projects without a start year are left out.
    /// </summary>
    public static IReadOnlyList<YearActivity> ActivityByYear(IReadOnlyCollection<ProjectYears> projects, int thisYear)
    {
        var dated = projects.Where(p => p.StartYear is not null).ToList();
        if (dated.Count == 0) return [];
        var first = dated.Min(p => p.StartYear!.Value);
        // Up to the last year the atlas knows of (a start or an end), not beyond this year but for a planned start.
        var last = Math.Min(dated.Max(p => Math.Max(p.StartYear!.Value, p.EndYear ?? 0)), Math.Max(thisYear, dated.Max(p => p.StartYear!.Value)));
        return Enumerable.Range(first, last - first + 1).Select(year => new YearActivity(
            year,
            dated.Where(p => p.StartYear == year).Sum(p => p.Count),
            dated.Where(p => p.StartYear < year && (p.EndYear is { } end ? end > year : !p.Completed)).Sum(p => p.Count),
            dated.Where(p => p.EndYear == year).Sum(p => p.Count))).ToList();
    }

    private static IEnumerable<CountBy<TKey>> Merge<TKey>(Dictionary<TKey, int> projects, Dictionary<TKey, int> partnerships) where TKey : notnull =>
        projects.Keys.Union(partnerships.Keys).Select(k => new CountBy<TKey>(k, projects.GetValueOrDefault(k), partnerships.GetValueOrDefault(k)));
}
