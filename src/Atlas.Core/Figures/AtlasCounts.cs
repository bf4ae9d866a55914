using System.Text.Json.Serialization;
using Atlas.Core.Authorities;
using Atlas.Core.Countries;
using Atlas.Core.Data;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Core.Statistics;
using Atlas.Core.Themes;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Figures;

/// <summary>
/// Every whole-table count the home page, the statistics and the unfiltered map show, computed together from one
/// database snapshot and kept as JSON (<see cref="CountSnapshots"/>). What depends on the date or on names (the activity
/// by year, country names) is derived when read, so that a stored copy never goes out of date on its own.
/// </summary>
/// <param name="FrenchAuthorities">French authorities that take part in at least one partnership.</param>
/// <param name="ForeignAuthorities">Foreign authorities that take part in at least one partnership.</param>
/// <param name="ProjectYears">Projects grouped by start year, end year and status: every project once.</param>
/// <param name="PartnershipsBySignedYear">Partnerships by year of signature: every partnership once.</param>
/// <param name="FundingByYear">Funding sums per year and currency: every funding line once.</param>
/// <param name="ProjectsByCountry">Projects per partner country (a project counts in each of its countries).</param>
/// <param name="PartnershipsByCountry">Partnerships per partner country, France left out.</param>
/// <param name="ProjectsByRegion">Projects per French region of their French authorities.</param>
/// <param name="PartnershipsByRegion">Partnerships per French region of their French authorities.</param>
/// <param name="ProjectsByDepartment">Projects per French département of their French authorities.</param>
/// <param name="Themes">Projects and partnerships under each theme, its sub-themes included, by theme id.</param>
/// <param name="ProjectsByStatus">Projects per status code: the search's status facet over every project.</param>
/// <param name="AuthorityPlaces">Authorities (involved or not) by country, kind, region and département: every select of /collectivites without a name.</param>
/// <param name="PartnershipsByStatus">Partnerships per status code: the /partenariats status select over every partnership.</param>
/// <param name="PartnershipsByCountryAndStatus">Partnerships per partner country and status code, each once a pair.</param>
/// <param name="PartnershipsByRegionAndStatus">Partnerships per French region and status code, each once a pair.</param>
/// <param name="PartnershipsByCountryAndRegion">Partnerships per partner country and French region, each once a pair.</param>
public sealed record AtlasCounts(
    int FrenchAuthorities, int ForeignAuthorities,
    IReadOnlyList<ProjectYears> ProjectYears, IReadOnlyList<YearCount> PartnershipsBySignedYear, IReadOnlyList<FundingTotal> FundingByYear,
    IReadOnlyDictionary<string, int> ProjectsByCountry, IReadOnlyDictionary<string, int> PartnershipsByCountry,
    IReadOnlyDictionary<string, int> ProjectsByRegion, IReadOnlyDictionary<string, int> PartnershipsByRegion,
    IReadOnlyDictionary<string, int> ProjectsByDepartment, IReadOnlyDictionary<int, ThemeCount> Themes,
    IReadOnlyDictionary<string, int> ProjectsByStatus,
    IReadOnlyList<AuthorityPlaceCount> AuthorityPlaces, IReadOnlyDictionary<string, int> PartnershipsByStatus,
    IReadOnlyList<PairCount> PartnershipsByCountryAndStatus, IReadOnlyList<PairCount> PartnershipsByRegionAndStatus,
    IReadOnlyList<PairCount> PartnershipsByCountryAndRegion)
{
    [JsonIgnore] public int Projects => ProjectYears.Sum(p => p.Count);
    [JsonIgnore] public int Partnerships => PartnershipsBySignedYear.Sum(y => y.Count);
    [JsonIgnore] public int FundingLines => FundingByYear.Sum(f => f.Lines);
    /// <summary>The partner countries (see <see cref="Countries.PartnerCountries"/>): what every page and the API count.</summary>
    [JsonIgnore] public IReadOnlyList<string> PartnerCountries => Countries.PartnerCountries.Of(ProjectsByCountry, PartnershipsByCountry);

    /// <summary>Reads every count; the caller runs it in one repeatable-read transaction so that they agree with each other.</summary>
    public static async Task<AtlasCounts> ComputeAsync(AtlasDbContext db, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var involved = db.LocalAuthorities.Where(a => a.Partnerships.Any());
        var french = await involved.CountAsync(a => a.CountryCode == CountryCodes.France, ct).ConfigureAwait(false);
        var foreign = await involved.CountAsync(a => a.CountryCode != CountryCodes.France, ct).ConfigureAwait(false);

        // Grouped in the database: a few hundred combinations of years, whatever the number of projects.
        var projectYears = await db.Projects
            .GroupBy(p => new { p.StartYear, p.EndYear, p.Status })
            .Select(g => new ProjectYears(g.Key.StartYear, g.Key.EndYear, g.Key.Status, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);
        var signed = await db.Partnerships.GroupBy(p => p.SignedYear)
            .Select(g => new YearCount(g.Key, g.Count())).ToListAsync(ct).ConfigureAwait(false);
        var funding = await db.Fundings.GroupBy(f => new { f.Year, f.CurrencyCode })
            .Select(g => new FundingTotal(g.Key.Year, g.Key.CurrencyCode, g.Sum(f => f.Amount), g.Sum(f => f.WaterLawAmount) ?? 0m, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false);

        var projectsByCountry = await CountAsync(db.Projects.SelectMany(p => p.CountryCodes), ct).ConfigureAwait(false);
        // The foreign authorities' countries (France left out), each partnership once.
        var partnershipsByCountry = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode != CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct()
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var projectsByRegion = await CountAsync(db.Projects.SelectMany(p => p.RegionCodes), ct).ConfigureAwait(false);
        // A French authority's region is its own or its département's, as in the projects' search columns.
        var partnershipsByRegion = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode == CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId })
            .Where(x => x.Code != null).Distinct()
            .GroupBy(x => x.Code!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var projectsByDepartment = await CountAsync(db.Projects.SelectMany(p => p.DepartmentCodes), ct).ConfigureAwait(false);
        var themes = await ThemeCounts.ComputeAsync(db, reference, ct).ConfigureAwait(false);
        var statuses = await db.Projects.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => EnumCode<ProjectStatus>.ToCode(x.Key), x => x.Count, ct).ConfigureAwait(false);

        // The directories' selects. At scale 100 each was a pass over 1.38 M authorities or 820,000 partnerships on
        // every request of /collectivites or /partenariats (or over the 85,000 of Senegal, 1 to 2 s each for a partnership
        // select). The same expressions as AuthorityList's and PartnershipList's filters, so that a stored and a computed
        // count agree.
        var places = await db.LocalAuthorities.AsNoTracking()
            .GroupBy(a => new { a.CountryCode, a.Kind, a.RegionCode, a.DepartmentCode, DepartmentRegion = a.Department!.RegionCode })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var authorityPlaces = places.Select(p => new AuthorityPlaceCount(p.Key.CountryCode, EnumCode<AuthorityKind>.ToCode(p.Key.Kind),
            p.Key.RegionCode, p.Key.DepartmentCode, p.Key.DepartmentRegion, p.Count)).ToList();
        var partnershipsByStatus = await db.Partnerships.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => EnumCode<PartnershipStatus>.ToCode(x.Key), x => x.Count, ct).ConfigureAwait(false);
        var countryStatus = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode != CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId, pa.Partnership!.Status }).Distinct()
            .GroupBy(x => new { x.Code, x.Status }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var regionStatus = await db.PartnershipAuthorities
            .Where(pa => pa.LocalAuthority!.CountryCode == CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId, pa.Partnership!.Status })
            .Where(x => x.Code != null).Distinct()
            .GroupBy(x => new { x.Code, x.Status }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var countryRegion = await (
            from abroad in db.PartnershipAuthorities
            where abroad.LocalAuthority!.CountryCode != CountryCodes.France
            join home in db.PartnershipAuthorities on abroad.PartnershipId equals home.PartnershipId
            where home.LocalAuthority!.CountryCode == CountryCodes.France
            select new { Country = abroad.LocalAuthority!.CountryCode, Region = home.LocalAuthority!.RegionCode ?? home.LocalAuthority.Department!.RegionCode, abroad.PartnershipId })
            .Where(x => x.Region != null).Distinct()
            .GroupBy(x => new { x.Country, x.Region }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);

        return new AtlasCounts(french, foreign, projectYears, signed, funding,
            projectsByCountry, partnershipsByCountry, projectsByRegion, partnershipsByRegion, projectsByDepartment, themes, statuses,
            authorityPlaces, partnershipsByStatus,
            countryStatus.Select(x => new PairCount(x.Key.Code, EnumCode<PartnershipStatus>.ToCode(x.Key.Status), x.Count)).ToList(),
            regionStatus.Select(x => new PairCount(x.Key.Code!, EnumCode<PartnershipStatus>.ToCode(x.Key.Status), x.Count)).ToList(),
            countryRegion.Select(x => new PairCount(x.Key.Country, x.Key.Region!, x.Count)).ToList());
    }

    /// <summary>How many rows hold each code (a project counts once in each of its codes).</summary>
    internal static Task<Dictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
