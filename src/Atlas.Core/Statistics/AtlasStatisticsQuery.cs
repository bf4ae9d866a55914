namespace Atlas.Core.Statistics;

public sealed class AtlasStatisticsQuery(CountSnapshots snapshots, TimeProvider clock)
{
    public async Task<AtlasStatistics> GetAsync(ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var counts = await snapshots.GetAsync(ct).ConfigureAwait(false);

        var byCountry = counts.PartnerCountries
            .Select(c => new CountBy<string>(c, counts.ProjectsByCountry.GetValueOrDefault(c), counts.PartnershipsByCountry.GetValueOrDefault(c))).ToList();
        var byRegion = Merge(counts.ProjectsByRegion, counts.PartnershipsByRegion).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var byTheme = reference.Children(null)
            .SelectMany(top => reference.Children(top.Id).Prepend(top))
            .Select(t => counts.Themes.GetValueOrDefault(t.Id) is { } c ? new CountBy<ThemeNode>(t, c.Projects, c.Partnerships) : new CountBy<ThemeNode>(t, 0, 0))
            .ToList();
        var years = counts.ProjectYears.GroupBy(p => p.StartYear ?? 0).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var signed = counts.PartnershipsBySignedYear.ToDictionary(y => y.Year ?? 0, y => y.Count);
        var byYear = Merge(years, signed).OrderBy(y => y.Key == 0 ? int.MaxValue : y.Key)
            .Select(y => new CountBy<int?>(y.Key == 0 ? null : y.Key, y.Projects, y.Partnerships)).ToList();
        // Every year's sum of a currency, added up: the same figures a sum over all its lines gives.
        var byCurrency = counts.FundingByYear.GroupBy(f => f.Currency)
            .Select(g => new FundingTotal(null, g.Key, g.Sum(f => f.Amount), g.Sum(f => f.WaterLawAmount), g.Sum(f => f.Lines)));

        return new AtlasStatistics(
            new StatisticsTotals(counts.Projects, counts.Partnerships, counts.FundingLines, byCountry.Count),
            byCountry, byRegion, byTheme, byYear,
            counts.FundingByYear.OrderBy(f => f.Year ?? int.MaxValue).ThenBy(f => f.Currency, StringComparer.Ordinal).ToList(),
            byCurrency.OrderBy(f => f.Currency, StringComparer.Ordinal).ToList(),
            ActivityByYear(counts.ProjectYears, clock.GetUtcNow().Year));
    }

    /// <summary>
    /// Each year from the first start year to the last year a project starts, goes on or ends (not after
    /// <paramref name="thisYear"/>, but for a planned start): projects started that year, going on through it
    /// (<see cref="ProjectActivity.IsGoingOnIn"/>, the one rule) and ended that year. Projects without a start year are left out.
    /// </summary>
    public static IReadOnlyList<YearActivity> ActivityByYear(IReadOnlyCollection<ProjectYears> projects, int thisYear)
    {
        var dated = projects.Where(p => p.StartYear is not null).ToList();
        if (dated.Count == 0) return [];
        var first = dated.Min(p => p.StartYear!.Value);
        var lastStart = dated.Max(p => p.StartYear!.Value);
        var last = Math.Min(dated.Max(p => ProjectActivity.LastYear(p.StartYear, p.EndYear, p.Status)!.Value), Math.Max(thisYear, lastStart));
        return Enumerable.Range(first, last - first + 1).Select(year => new YearActivity(
            year,
            dated.Where(p => p.StartYear == year).Sum(p => p.Count),
            dated.Where(p => ProjectActivity.IsGoingOnIn(year, p.StartYear, p.EndYear, p.Status)).Sum(p => p.Count),
            dated.Where(p => p.EndYear == year).Sum(p => p.Count))).ToList();
    }

    private static IEnumerable<CountBy<TKey>> Merge<TKey>(IReadOnlyDictionary<TKey, int> projects, IReadOnlyDictionary<TKey, int> partnerships) where TKey : notnull =>
        projects.Keys.Union(partnerships.Keys).Select(k => new CountBy<TKey>(k, projects.GetValueOrDefault(k), partnerships.GetValueOrDefault(k)));
}
