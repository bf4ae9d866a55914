using Atlas.Core.Statistics;

namespace Atlas.Web.Api.Stats;

/// <summary>GET /api/v1/stats: the atlas in figures.</summary>
internal static class StatsEndpoints
{
    public static void MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/stats").WithTags("Statistics")
            .MapGet("/", GetAsync)
            .WithName("GetStatistics")
            .WithSummary("Counts and funding totals")
            .WithDescription("Projects and partnerships by partner country, French region, theme (levels 1 and 2) and year; funding sums by year and currency " +
                "(a sum never mixes currencies and is never converted); projects started, going on and ended each year; the totals. Takes no parameter: any is refused with 400.")
            .Produces<StatsDto>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> GetAsync(HttpContext http, AtlasStatisticsQuery statistics, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var reference = await catalog.GetAsync(ct);
        var s = await statistics.GetAsync(reference, ct);
        return Results.Ok(new StatsDto(
            new StatsTotalsDto(s.Totals.Projects, s.Totals.Partnerships, s.Totals.FundingLines, s.Totals.PartnerCountries),
            s.ByCountry.Select(c => new StatsCountryDto(c.Key, reference.CountryName(c.Key), c.Projects, c.Partnerships,
                CountriesEndpoints.Url(c.Key), CountriesEndpoints.ApiUrl(c.Key))).ToList(),
            s.ByRegion.Select(r => new StatsRegionDto(r.Key, reference.Regions.GetValueOrDefault(r.Key, r.Key), r.Projects, r.Partnerships)).ToList(),
            s.ByTheme.Select(t => new StatsThemeDto(t.Key.Key, t.Key.Name, t.Key.Level,
                t.Key.ParentId is { } parent ? reference.ThemesById[parent].Key : null, t.Projects, t.Partnerships, ThemesEndpoints.ApiUrl(t.Key.Key))).ToList(),
            s.ByYear.Select(y => new StatsYearDto(y.Key, y.Projects, y.Partnerships)).ToList(),
            s.FundingByYear.Select(f => new StatsFundingYearDto(f.Year, f.Currency, f.Amount, f.WaterLawAmount, f.Lines)).ToList(),
            s.FundingByCurrency.Select(f => new StatsFundingCurrencyDto(f.Currency, f.Amount, f.WaterLawAmount, f.Lines)).ToList(),
            s.Activity.Select(a => new StatsActivityDto(a.Year, a.Started, a.Ongoing, a.Ended)).ToList()));
    }
}
