using System.Text.Json.Serialization;
using Atlas.Core.Statistics;

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
/// <param name="FrenchPartnerPlaces">French partner authorities of each partner country by place: a country page's map and region counts.</param>
/// <param name="PartnershipThemesByCountry">Partnerships of each partner country per theme of their own: a country page's themes.</param>
public sealed record AtlasCounts(
    int FrenchAuthorities, int ForeignAuthorities,
    IReadOnlyList<ProjectYears> ProjectYears, IReadOnlyList<YearCount> PartnershipsBySignedYear, IReadOnlyList<FundingTotal> FundingByYear,
    IReadOnlyDictionary<string, int> ProjectsByCountry, IReadOnlyDictionary<string, int> PartnershipsByCountry,
    IReadOnlyDictionary<string, int> ProjectsByRegion, IReadOnlyDictionary<string, int> PartnershipsByRegion,
    IReadOnlyDictionary<string, int> ProjectsByDepartment, IReadOnlyDictionary<int, ThemeCount> Themes,
    IReadOnlyDictionary<string, int> ProjectsByStatus,
    IReadOnlyList<AuthorityPlaceCount> AuthorityPlaces, IReadOnlyDictionary<string, int> PartnershipsByStatus,
    IReadOnlyList<PairCount> PartnershipsByCountryAndStatus, IReadOnlyList<PairCount> PartnershipsByRegionAndStatus,
    IReadOnlyList<PairCount> PartnershipsByCountryAndRegion,
    IReadOnlyList<CountryPartnerPlace> FrenchPartnerPlaces, IReadOnlyList<CountryThemeCount> PartnershipThemesByCountry)
{
    [JsonIgnore] public int Projects => ProjectYears.Sum(p => p.Count);
    [JsonIgnore] public int Partnerships => PartnershipsBySignedYear.Sum(y => y.Count);
    [JsonIgnore] public int FundingLines => FundingByYear.Sum(f => f.Lines);
    /// <summary>The partner countries (see <see cref="Countries.PartnerCountries"/>): what every page and the API count.</summary>
    [JsonIgnore] public IReadOnlyList<string> PartnerCountries => Countries.PartnerCountries.Of(ProjectsByCountry, PartnershipsByCountry);

    /// <summary>Reads every count; the caller runs it in one repeatable-read transaction so that they agree with each other.</summary>
    public static Task<AtlasCounts> ComputeAsync(AtlasDbContext db, ReferenceCatalog.Snapshot reference, CancellationToken ct) =>
        ComputeAsync(db, ThemeCounts.Parents(reference), null, ct);

    /// <summary>
    /// Reads every count, or with a <paramref name="scope"/> only what the records it names contribute: each count is a sum
    /// over projects, partnerships or authorities, so an edit keeps the stored counts by adding what its records count after
    /// it and taking away what they counted before (<see cref="CountUpkeep"/>), instead of a recount of every table (over a
    /// minute at scale 100). Every query is the same with a scope or without, so that kept and recounted figures agree.
    /// </summary>
    /// <remarks>
    /// A query over records the scope does not name is not run: it would count nothing. A project's save names no
    /// partnership and no authority, and ran 21 queries before it and 21 after it, of which 7 each can count anything
    /// (issue 15: 67 statements a save at scale 1). <paramref name="themeParents"/> may be null when the scope names no
    /// partnership (only their themes need the tree's paths); the themes then hold those the projects count.
    /// </remarks>
    public static async Task<AtlasCounts> ComputeAsync(AtlasDbContext db, IReadOnlyDictionary<int, int?>? themeParents, CountScope? scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var anyProject = scope is null || scope.Projects.Count > 0;
        var anyPartnership = scope is null || scope.Partnerships.Count > 0;
        var anyAuthority = scope is null || scope.Authorities.Count > 0;
        if (anyPartnership && themeParents is null) throw new ArgumentNullException(nameof(themeParents), "The partnerships' themes are counted along the tree's paths.");
        IQueryable<Project> projectRows = db.Projects;
        IQueryable<Partnership> partnershipRows = db.Partnerships;
        IQueryable<LocalAuthority> authorityRows = db.LocalAuthorities;
        IQueryable<PartnershipAuthority> partnershipLinks = db.PartnershipAuthorities;
        IQueryable<PartnershipAuthority> authorityLinks = db.PartnershipAuthorities;
        IQueryable<PartnershipTheme> partnershipThemes = db.PartnershipThemes;
        IQueryable<Funding> fundingRows = db.Fundings;
        if (scope is not null)
        {
            var projectIds = scope.Projects;
            var partnershipIds = scope.Partnerships;
            var authorityIds = scope.Authorities;
            projectRows = projectRows.Where(p => projectIds.Contains(p.Id));
            partnershipRows = partnershipRows.Where(p => partnershipIds.Contains(p.Id));
            authorityRows = authorityRows.Where(a => authorityIds.Contains(a.Id));
            partnershipLinks = partnershipLinks.Where(pa => partnershipIds.Contains(pa.PartnershipId));
            authorityLinks = authorityLinks.Where(pa => authorityIds.Contains(pa.LocalAuthorityId));
            partnershipThemes = partnershipThemes.Where(pt => partnershipIds.Contains(pt.PartnershipId));
            fundingRows = fundingRows.Where(f => projectIds.Contains(f.ProjectId));
        }

        var involved = authorityRows.Where(a => a.Partnerships.Any());
        var french = anyAuthority ? await involved.CountAsync(a => a.CountryCode == CountryCodes.France, ct).ConfigureAwait(false) : 0;
        var foreign = anyAuthority ? await involved.CountAsync(a => a.CountryCode != CountryCodes.France, ct).ConfigureAwait(false) : 0;

        // Grouped in the database: a few hundred combinations of years, whatever the number of projects.
        var projectYears = anyProject ? await projectRows
            .GroupBy(p => new { p.StartYear, p.EndYear, p.Status })
            .Select(g => new ProjectYears(g.Key.StartYear, g.Key.EndYear, g.Key.Status, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false) : [];
        var signed = anyPartnership ? await partnershipRows.GroupBy(p => p.SignedYear)
            .Select(g => new YearCount(g.Key, g.Count())).ToListAsync(ct).ConfigureAwait(false) : [];
        var funding = anyProject ? await fundingRows.GroupBy(f => new { f.Year, f.CurrencyCode })
            .Select(g => new FundingTotal(g.Key.Year, g.Key.CurrencyCode, g.Sum(f => f.Amount), g.Sum(f => f.WaterLawAmount) ?? 0m, g.Count()))
            .ToListAsync(ct).ConfigureAwait(false) : [];

        var projectsByCountry = anyProject ? await CountAsync(projectRows.SelectMany(p => p.CountryCodes), ct).ConfigureAwait(false) : [];
        // The foreign authorities' countries (France left out), each partnership once.
        var partnershipsByCountry = !anyPartnership ? [] : await partnershipLinks
            .Where(pa => pa.LocalAuthority!.CountryCode != CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct()
            .GroupBy(x => x.Code).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var projectsByRegion = anyProject ? await CountAsync(projectRows.SelectMany(p => p.RegionCodes), ct).ConfigureAwait(false) : [];
        // A French authority's region is its own or its département's, as in the projects' search columns.
        var partnershipsByRegion = !anyPartnership ? [] : await partnershipLinks
            .Where(pa => pa.LocalAuthority!.CountryCode == CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId })
            .Where(x => x.Code != null).Distinct()
            .GroupBy(x => x.Code!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct).ConfigureAwait(false);
        var projectsByDepartment = anyProject ? await CountAsync(projectRows.SelectMany(p => p.DepartmentCodes), ct).ConfigureAwait(false) : [];
        var themes = await ThemeCounts.ComputeAsync(anyProject ? projectRows : null, anyPartnership ? partnershipThemes : null, themeParents, ct).ConfigureAwait(false);
        // The same projects as their years, once each: summed here rather than grouped again by the database.
        var statuses = projectYears.GroupBy(p => p.Status).ToDictionary(g => EnumCode<ProjectStatus>.ToCode(g.Key), g => g.Sum(p => p.Count));

        // The directories' selects. At scale 100 each was a pass over 1.38 M authorities or 820,000 partnerships on
        // every request of /collectivites or /partenariats (or over the 85,000 of Senegal, 1 to 2 s each for a partnership
        // select). The same expressions as AuthorityList's and PartnershipList's filters, so that a stored and a computed
        // count agree.
        var places = !anyAuthority ? [] : await authorityRows.AsNoTracking()
            .GroupBy(a => new { a.CountryCode, a.Kind, a.RegionCode, a.DepartmentCode, DepartmentRegion = a.Department!.RegionCode })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var authorityPlaces = places.Select(p => new AuthorityPlaceCount(p.Key.CountryCode, EnumCode<AuthorityKind>.ToCode(p.Key.Kind),
            p.Key.RegionCode, p.Key.DepartmentCode, p.Key.DepartmentRegion, p.Count)).ToList();
        var partnershipsByStatus = !anyPartnership ? [] : await partnershipRows.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => EnumCode<PartnershipStatus>.ToCode(x.Key), x => x.Count, ct).ConfigureAwait(false);
        var countryStatus = !anyPartnership ? [] : await partnershipLinks
            .Where(pa => pa.LocalAuthority!.CountryCode != CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId, pa.Partnership!.Status }).Distinct()
            .GroupBy(x => new { x.Code, x.Status }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var regionStatus = !anyPartnership ? [] : await partnershipLinks
            .Where(pa => pa.LocalAuthority!.CountryCode == CountryCodes.France)
            .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId, pa.Partnership!.Status })
            .Where(x => x.Code != null).Distinct()
            .GroupBy(x => new { x.Code, x.Status }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var countryRegion = !anyPartnership ? [] : await (
            from abroad in partnershipLinks
            where abroad.LocalAuthority!.CountryCode != CountryCodes.France
            join home in db.PartnershipAuthorities on abroad.PartnershipId equals home.PartnershipId
            where home.LocalAuthority!.CountryCode == CountryCodes.France
            select new { Country = abroad.LocalAuthority!.CountryCode, Region = home.LocalAuthority!.RegionCode ?? home.LocalAuthority.Department!.RegionCode, abroad.PartnershipId })
            .Where(x => x.Region != null).Distinct()
            .GroupBy(x => new { x.Country, x.Region }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);

        // A country page's two aggregations, for every partner country at once: at scale 100 they were 2.7 s and 2.4 s of
        // the 5 s of /pays/SN (Senegal's 85,000 partnerships walked on every request). The same joins as the page's
        // queries (CountryProfileQuery), so that a stored and a computed figure agree.
        var partnerPlaces = !anyAuthority ? [] : await (
            from home in authorityLinks
            where home.LocalAuthority!.CountryCode == CountryCodes.France
            join abroad in db.PartnershipAuthorities on home.PartnershipId equals abroad.PartnershipId
            where abroad.LocalAuthority!.CountryCode != CountryCodes.France
            select new
            {
                Country = abroad.LocalAuthority!.CountryCode, home.LocalAuthorityId, home.LocalAuthority!.RegionCode,
                home.LocalAuthority.DepartmentCode, DepartmentRegion = home.LocalAuthority.Department!.RegionCode,
            })
            .Distinct()
            .GroupBy(x => new { x.Country, x.RegionCode, x.DepartmentCode, x.DepartmentRegion })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);
        var countryThemes = !anyPartnership ? [] : await (
            from link in partnershipThemes
            join abroad in db.PartnershipAuthorities on link.PartnershipId equals abroad.PartnershipId
            where abroad.LocalAuthority!.CountryCode != CountryCodes.France
            select new { Country = abroad.LocalAuthority!.CountryCode, link.PartnershipId, link.ThemeId })
            .Distinct()
            .GroupBy(x => new { x.Country, x.ThemeId })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct).ConfigureAwait(false);

        return new AtlasCounts(french, foreign, projectYears, signed, funding,
            projectsByCountry, partnershipsByCountry, projectsByRegion, partnershipsByRegion, projectsByDepartment, themes, statuses,
            authorityPlaces, partnershipsByStatus,
            countryStatus.Select(x => new PairCount(x.Key.Code, EnumCode<PartnershipStatus>.ToCode(x.Key.Status), x.Count)).ToList(),
            regionStatus.Select(x => new PairCount(x.Key.Code!, EnumCode<PartnershipStatus>.ToCode(x.Key.Status), x.Count)).ToList(),
            countryRegion.Select(x => new PairCount(x.Key.Country, x.Key.Region!, x.Count)).ToList(),
            partnerPlaces.Select(x => new CountryPartnerPlace(x.Key.Country, x.Key.RegionCode, x.Key.DepartmentCode, x.Key.DepartmentRegion, x.Count)).ToList(),
            countryThemes.Select(x => new CountryThemeCount(x.Key.Country, x.Key.ThemeId, x.Count)).ToList());
    }

    /// <summary>
    /// These counts less what <paramref name="removed"/> counted, plus what <paramref name="added"/> counts: the counts after
    /// an edit, from the contributions of its records before and after it. A figure that falls to nothing leaves its list,
    /// as a recount would not hold it.
    /// </summary>
    public AtlasCounts With(AtlasCounts removed, AtlasCounts added)
    {
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(added);
        return new AtlasCounts(
            FrenchAuthorities - removed.FrenchAuthorities + added.FrenchAuthorities,
            ForeignAuthorities - removed.ForeignAuthorities + added.ForeignAuthorities,
            Merge(ProjectYears, removed.ProjectYears, added.ProjectYears, p => (p.StartYear, p.EndYear, p.Status), p => p.Count, (p, n) => p with { Count = n }),
            Merge(PartnershipsBySignedYear, removed.PartnershipsBySignedYear, added.PartnershipsBySignedYear, y => ValueTuple.Create(y.Year), y => y.Count, (y, n) => y with { Count = n }),
            MergeFunding(FundingByYear, removed.FundingByYear, added.FundingByYear),
            Merge(ProjectsByCountry, removed.ProjectsByCountry, added.ProjectsByCountry),
            Merge(PartnershipsByCountry, removed.PartnershipsByCountry, added.PartnershipsByCountry),
            Merge(ProjectsByRegion, removed.ProjectsByRegion, added.ProjectsByRegion),
            Merge(PartnershipsByRegion, removed.PartnershipsByRegion, added.PartnershipsByRegion),
            Merge(ProjectsByDepartment, removed.ProjectsByDepartment, added.ProjectsByDepartment),
            // Every theme of the tree keeps its entry, at zero too, as a recount gives them.
            Themes.Keys.Union(added.Themes.Keys).ToDictionary(id => id, id =>
            {
                var (now, less, more) = (Themes.GetValueOrDefault(id), removed.Themes.GetValueOrDefault(id), added.Themes.GetValueOrDefault(id));
                return new ThemeCount((now?.Projects ?? 0) - (less?.Projects ?? 0) + (more?.Projects ?? 0),
                    (now?.Partnerships ?? 0) - (less?.Partnerships ?? 0) + (more?.Partnerships ?? 0));
            }),
            Merge(ProjectsByStatus, removed.ProjectsByStatus, added.ProjectsByStatus),
            Merge(AuthorityPlaces, removed.AuthorityPlaces, added.AuthorityPlaces, a => (a.Country, a.Kind, a.Region, a.Department, a.DepartmentRegion), a => a.Count, (a, n) => a with { Count = n }),
            Merge(PartnershipsByStatus, removed.PartnershipsByStatus, added.PartnershipsByStatus),
            Merge(PartnershipsByCountryAndStatus, removed.PartnershipsByCountryAndStatus, added.PartnershipsByCountryAndStatus, p => (p.First, p.Second), p => p.Count, (p, n) => p with { Count = n }),
            Merge(PartnershipsByRegionAndStatus, removed.PartnershipsByRegionAndStatus, added.PartnershipsByRegionAndStatus, p => (p.First, p.Second), p => p.Count, (p, n) => p with { Count = n }),
            Merge(PartnershipsByCountryAndRegion, removed.PartnershipsByCountryAndRegion, added.PartnershipsByCountryAndRegion, p => (p.First, p.Second), p => p.Count, (p, n) => p with { Count = n }),
            Merge(FrenchPartnerPlaces, removed.FrenchPartnerPlaces, added.FrenchPartnerPlaces, p => (p.Country, p.Region, p.Department, p.DepartmentRegion), p => p.Count, (p, n) => p with { Count = n }),
            Merge(PartnershipThemesByCountry, removed.PartnershipThemesByCountry, added.PartnershipThemesByCountry, t => (t.Country, t.ThemeId), t => t.Count, (t, n) => t with { Count = n }));
    }

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> now, IReadOnlyDictionary<string, int> removed, IReadOnlyDictionary<string, int> added)
    {
        var result = new Dictionary<string, int>(now);
        foreach (var (key, count) in removed) result[key] = result.GetValueOrDefault(key) - count;
        foreach (var (key, count) in added) result[key] = result.GetValueOrDefault(key) + count;
        foreach (var key in result.Where(r => r.Value == 0).Select(r => r.Key).ToList()) result.Remove(key);
        return result;
    }

    private static List<T> Merge<T, TKey>(IReadOnlyList<T> now, IReadOnlyList<T> removed, IReadOnlyList<T> added,
        Func<T, TKey> key, Func<T, int> count, Func<T, int, T> withCount) where TKey : notnull
    {
        var result = now.ToDictionary(key, r => (Row: r, Count: count(r)));
        foreach (var r in removed) result[key(r)] = (result.TryGetValue(key(r), out var e) ? e.Row : r, (e.Row is null ? 0 : e.Count) - count(r));
        foreach (var r in added) result[key(r)] = (result.TryGetValue(key(r), out var e) ? e.Row : r, (e.Row is null ? 0 : e.Count) + count(r));
        return result.Values.Where(v => v.Count != 0).Select(v => withCount(v.Row, v.Count)).ToList();
    }

    private static List<FundingTotal> MergeFunding(IReadOnlyList<FundingTotal> now, IReadOnlyList<FundingTotal> removed, IReadOnlyList<FundingTotal> added)
    {
        var result = now.ToDictionary(f => (f.Year, f.Currency));
        foreach (var f in removed)
        {
            var e = result.GetValueOrDefault((f.Year, f.Currency)) ?? f with { Amount = 0, WaterLawAmount = 0, Lines = 0 };
            result[(f.Year, f.Currency)] = e with { Amount = e.Amount - f.Amount, WaterLawAmount = e.WaterLawAmount - f.WaterLawAmount, Lines = e.Lines - f.Lines };
        }
        foreach (var f in added)
        {
            var e = result.GetValueOrDefault((f.Year, f.Currency)) ?? f with { Amount = 0, WaterLawAmount = 0, Lines = 0 };
            result[(f.Year, f.Currency)] = e with { Amount = e.Amount + f.Amount, WaterLawAmount = e.WaterLawAmount + f.WaterLawAmount, Lines = e.Lines + f.Lines };
        }
        return result.Values.Where(f => f.Lines != 0).ToList();
    }

    /// <summary>How many rows hold each code (a project counts once in each of its codes).</summary>
    internal static Task<Dictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
