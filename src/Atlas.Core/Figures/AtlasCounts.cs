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
/// <param name="AuthoritiesByCountry">Authorities (involved or not) per country code: the /collectivites country select when nothing else narrows it.</param>
/// <param name="AuthoritiesByKind">Authorities per kind code: its kind select over every authority.</param>
/// <param name="AuthoritiesByRegion">Authorities per French region, their own or their département's: its region select over every authority.</param>
/// <param name="AuthoritiesByDepartment">Authorities per French département: its département select over every authority.</param>
/// <param name="PartnershipsByStatus">Partnerships per status code: the /partenariats status select over every partnership.</param>
public sealed record AtlasCounts(
    int FrenchAuthorities, int ForeignAuthorities,
    IReadOnlyList<ProjectYears> ProjectYears, IReadOnlyList<YearCount> PartnershipsBySignedYear, IReadOnlyList<FundingTotal> FundingByYear,
    IReadOnlyDictionary<string, int> ProjectsByCountry, IReadOnlyDictionary<string, int> PartnershipsByCountry,
    IReadOnlyDictionary<string, int> ProjectsByRegion, IReadOnlyDictionary<string, int> PartnershipsByRegion,
    IReadOnlyDictionary<string, int> ProjectsByDepartment, IReadOnlyDictionary<int, ThemeCount> Themes,
    IReadOnlyDictionary<string, int> ProjectsByStatus,
    IReadOnlyDictionary<string, int> AuthoritiesByCountry, IReadOnlyDictionary<string, int> AuthoritiesByKind,
    IReadOnlyDictionary<string, int> AuthoritiesByRegion, IReadOnlyDictionary<string, int> AuthoritiesByDepartment,
    IReadOnlyDictionary<string, int> PartnershipsByStatus)
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

        // The directories' selects when no other filter narrows them: at scale 100 each of these was a pass over 1.38 M
        // authorities or 820,000 partnerships on every request of /collectivites or /partenariats. The same expressions
        // as AuthorityDirectory's and PartnershipDirectory's own counts, so that a stored and a computed count agree.
        var authorities = db.LocalAuthorities.AsNoTracking();
        var authoritiesByCountry = await CountAsync(authorities.Select(a => a.CountryCode), ct).ConfigureAwait(false);
        var authoritiesByKind = await authorities.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => EnumCode<AuthorityKind>.ToCode(x.Key), x => x.Count, ct).ConfigureAwait(false);
        var authoritiesByRegion = await CountAsync(authorities
            .Select(a => a.RegionCode ?? a.Department!.RegionCode).Where(r => r != null).Select(r => r!), ct).ConfigureAwait(false);
        var authoritiesByDepartment = await CountAsync(authorities
            .Where(a => a.DepartmentCode != null).Select(a => a.DepartmentCode!), ct).ConfigureAwait(false);
        var partnershipsByStatus = await db.Partnerships.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => EnumCode<PartnershipStatus>.ToCode(x.Key), x => x.Count, ct).ConfigureAwait(false);

        return new AtlasCounts(french, foreign, projectYears, signed, funding,
            projectsByCountry, partnershipsByCountry, projectsByRegion, partnershipsByRegion, projectsByDepartment, themes, statuses,
            authoritiesByCountry, authoritiesByKind, authoritiesByRegion, authoritiesByDepartment, partnershipsByStatus);
    }

    /// <summary>How many rows hold each code (a project counts once in each of its codes).</summary>
    internal static Task<Dictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
