namespace Atlas.Core.Projects;

/// <summary>
/// Finds projects by filter and full-text query, with facet counts; reads only the projects table's derived columns, through
/// their one GIN index (migration 0013). Counts are exact up to <see cref="ExactCountLimit"/>; a facet over more projects
/// than that is counted on the sample bucket of that index (one project in <see cref="SampleRate"/>) and scaled up. Over
/// every project (no filter, or a facet whose dimension is the only one filtered) they come from the stored counts.
/// </summary>
public sealed class ProjectSearch(AtlasDbContext db, ExactCountLimit? countLimit = null, CountSnapshots? snapshots = null)
{
    /// <summary>A search that counts in SQL whatever the sample says, as it did before it read small sets whole: for tests comparing the two.</summary>
    internal static ProjectSearch CountingInSql(AtlasDbContext db) => new(db) { _wholeReadRows = 0 };

    private int _wholeReadRows = WholeReadRows;

    /// <summary>Words as written, accents and case aside, French stop words left out (migration 0017); see <see cref="SearchWords"/>.</summary>
    private const string TextConfig = "atlas_words";
    public const int SampleRate = 64;
    private readonly ExactCountLimit _limit = countLimit ?? ExactCountLimit.Default;

    /// <summary>The sorts a keyset-paged list of projects offers (the API, the exports).</summary>
    public static readonly IReadOnlyDictionary<string, SortField<ProjectRow>> Sorts = new Dictionary<string, SortField<ProjectRow>>
    {
        ["id"] = SortField.By<ProjectRow, int>("id", r => r.Id, r => r.Id),
        ["title"] = SortField.By<ProjectRow, string>("title", r => r.Title, r => r.Id),
        ["startYear"] = SortField.By<ProjectRow, int>("startYear", r => r.StartYear ?? 0, r => r.Id),
        ["updatedAt"] = SortField.By<ProjectRow, DateTimeOffset>("updatedAt", r => r.UpdatedAt, r => r.Id),
    };

    /// <summary>A numbered page of results, with facets: the portal's search.</summary>
    public async Task<ProjectSearchResult> SearchAsync(
        ProjectFilter filter, ProjectSort sort, ProjectPage page, bool withFacets, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        // Before the search's transaction: reading them may mean computing them, in a transaction of their own.
        var everything = await EverythingAsync(filter, withFacets, ct).ConfigureAwait(false);
        return await db.WithCustomPlansAsync(() => SearchAsync(filter, sort, page, withFacets, everything, reference, ct)).ConfigureAwait(false);
    }

    private async Task<ProjectSearchResult> SearchAsync(
        ProjectFilter filter, ProjectSort sort, ProjectPage page, bool withFacets, AtlasCounts? everything, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var themeId = ThemeId(filter, reference);
        var matching = Apply(db.Projects.AsNoTracking(), filter, themeId, Dimension.None);
        var sample = filter.IsEmpty && everything is not null
            ? null
            : await SampleAsync(filter, themeId, withFacets, ct).ConfigureAwait(false);
        int total;
        bool exact;
        if (sample is null) (total, exact) = (everything!.Projects, true);
        else
        {
            var sampled = sample.Where(Dimension.None).Count();
            (total, exact) = sample.IsWhole ? (sampled, true)
                : TooManyToCount(sampled, _limit) ? (Estimate(sampled), false)
                : await _limit.CountAsync(matching, ct).ConfigureAwait(false);
        }

        // Ranking many matches reads every one of them; the latest updated are found by walking an index and stop at the page.
        var byRecency = !exact && sort == ProjectSort.Relevance && !string.IsNullOrWhiteSpace(filter.Query);
        var rows = await Rows(Order(matching, filter, byRecency ? ProjectSort.Updated : sort).Skip(page.Offset)).Take(page.Limit + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        var hasMore = rows.Count > page.Limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        var items = await SummariesAsync(rows, reference, ct).ConfigureAwait(false);
        var facets = withFacets ? await FacetsAsync(filter, themeId, sample, everything, reference, ct).ConfigureAwait(false) : null;
        return new ProjectSearchResult(items, total, hasMore, facets, exact, byRecency);
    }

    /// <summary>
    /// The sample bucket's projects that match the filter, or would if one facet's filter were dropped: read once, they say
    /// how many the result and each facet's set hold, and give the estimated counts of those too large to count. When the
    /// sample says those projects are few (at most <see cref="WholeReadRows"/>), all of them are read instead, and the total
    /// and every facet are counted from them exactly, in memory: one statement where the exact count and the facets' own
    /// took two, each reading the matches again.
    /// </summary>
    private async Task<FacetSample> SampleAsync(ProjectFilter filter, int? themeId, bool withFacets, CancellationToken ct)
    {
        var union = Apply(db.Projects.AsNoTracking(), filter, themeId, withFacets ? Dimension.AllFacets : Dimension.None);
        var conditions = Facets.Select(d => (Dimension: d, Condition: FacetFilter(filter, themeId, d))).Where(c => c.Condition is not null).ToList();
        if (withFacets && conditions.Count > 1)
        {
            // At most one facet filter may be unmet: an OR of the conjunctions that each leave one out.
            var row = Expression.Parameter(typeof(Project), "p");
            var body = conditions
                .Select(left => conditions.Where(c => c.Dimension != left.Dimension)
                    .Select(c => LambdaInlining.Inline(c.Condition!, row)).Aggregate<Expression>(Expression.AndAlso))
                .Aggregate(Expression.OrElse);
            union = union.Where(Expression.Lambda<Func<Project, bool>>(body, row));
        }
        var checks = conditions.ToDictionary(c => c.Dimension, c => RowCheck(filter, themeId, c.Dimension));
        var rows = await FacetRows(Sample(union)).ToListAsync(ct).ConfigureAwait(false);
        var wholeRows = Math.Min(_wholeReadRows, _limit.Rows);
        if (withFacets && wholeRows > 0 && rows.Count * SampleRate <= wholeRows)
        {
            // The sample may say too few: past the bound the sample's rows serve as they would have.
            var whole = await FacetRows(union).Take(wholeRows + 1).ToListAsync(ct).ConfigureAwait(false);
            if (whole.Count <= wholeRows) return new FacetSample(whole, checks, isWhole: true);
        }
        return new FacetSample(rows, checks, isWhole: false);
    }

    /// <summary>
    /// The most projects a search with facets reads whole to count them in memory. Measured at scale 1 (« eau » in Senegal
    /// and a theme, 1,100 projects meeting all filters but one at most): their facets' statement, a UNION ALL reading the
    /// matches again for each filtered dimension, cost PostgreSQL 7–10 ms, and the exact count another 1 ms.
    /// </summary>
    private const int WholeReadRows = 5_000;

    /// <summary>
    /// A facet filter's check of a read row, in memory: what <see cref="FacetFilter"/> asks in SQL (WholeReadFacetsTests
    /// compares the two). It replaced the SQL expression compiled for each search, whose nested lambda made a delegate for
    /// every row checked: in CPU profiles of the search page the JIT took 12 % of the app's time, and the delegates most of
    /// the sample's reading in a wall-clock one.
    /// </summary>
    private static Func<FacetRow, bool> RowCheck(ProjectFilter f, int? themeId, Dimension dimension) => dimension switch
    {
        Dimension.Country => r => Array.IndexOf(r.CountryCodes, f.Country) >= 0,
        Dimension.Region => r => Array.IndexOf(r.RegionCodes, f.Region) >= 0,
        Dimension.Department => r => Array.IndexOf(r.DepartmentCodes, f.Department) >= 0,
        Dimension.Theme => r => Array.IndexOf(r.ThemeIds, themeId!.Value) >= 0,
        Dimension.Status => r => r.Status == f.Status,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    private static IQueryable<FacetRow> FacetRows(IQueryable<Project> projects) =>
        projects.Select(p => new FacetRow(p.Status, p.CountryCodes, p.RegionCodes, p.DepartmentCodes, p.ThemeIds));

    /// <summary>What the facets of a sampled project read.</summary>
    private sealed record FacetRow(ProjectStatus Status, string[] CountryCodes, string[] RegionCodes, string[] DepartmentCodes, int[] ThemeIds);

    /// <summary>
    /// A sample's rows, each with the facet filters it meets (one bit per filter, checked once); <paramref name="isWhole"/>:
    /// every project of the union rather than its sample bucket.
    /// </summary>
    private sealed class FacetSample(List<FacetRow> rows, Dictionary<Dimension, Func<FacetRow, bool>> conditions, bool isWhole)
    {
        public bool IsWhole { get; } = isWhole;

        private readonly Dimension[] _dimensions = [.. conditions.Keys];
        private readonly (FacetRow Row, int Met)[] _rows = [.. rows.Select(row => (row, Met(row, conditions)))];

        private static int Met(FacetRow row, Dictionary<Dimension, Func<FacetRow, bool>> conditions)
        {
            var met = 0;
            var bit = 1;
            foreach (var condition in conditions.Values)
            {
                if (condition(row)) met |= bit;
                bit <<= 1;
            }
            return met;
        }

        /// <summary>The rows that meet every facet filter but that of <paramref name="except"/>.</summary>
        public IEnumerable<FacetRow> Where(Dimension except)
        {
            var required = (1 << _dimensions.Length) - 1 & ~(Array.IndexOf(_dimensions, except) is var i and >= 0 ? 1 << i : 0);
            return _rows.Where(r => (r.Met & required) == required).Select(r => r.Row);
        }
    }

    /// <summary>The stored counts over every project, when this search has them and counts over every project.</summary>
    private async Task<AtlasCounts?> EverythingAsync(ProjectFilter filter, bool withFacets, CancellationToken ct)
    {
        var needed = filter.IsEmpty || (withFacets && Facets.Any(d => Without(filter, d).IsEmpty));
        return snapshots is not null && needed ? await snapshots.GetAsync(ct).ConfigureAwait(false) : null;
    }

    private static readonly Dimension[] Facets = [Dimension.Country, Dimension.Region, Dimension.Department, Dimension.Theme, Dimension.Status];

    /// <summary>
    /// How many projects match, for a list: the sample first, which is cheap whatever the size and says whether counting
    /// exactly is; past the limit, the limit as a lower bound. One statement: PostgreSQL runs the exact count, a subquery in
    /// the other branch of a CASE on the sample's count, only when the sample says the set is small (one round trip of the
    /// list's five before).
    /// </summary>
    private async Task<(int Total, bool IsExact)> CountAsync(IQueryable<Project> matching, CancellationToken ct)
    {
        var limit = _limit.Rows;
        var sample = Sample(matching);
        var capped = matching.Take(limit + 1);
        var counted = await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"")
            .Select(_ => sample.Count() * SampleRate > limit ? -1 : capped.Count())
            .SingleAsync(ct).ConfigureAwait(false);
        return counted < 0 || counted > limit ? (limit, false) : (counted, true);
    }

    /// <summary>Whether a sample's count says its set holds more projects than are counted exactly.</summary>
    internal static bool TooManyToCount(int sampled, ExactCountLimit limit) => sampled * SampleRate > limit.Rows;

    /// <summary>The projects of the sample bucket of the search index (one in <see cref="SampleRate"/>).</summary>
    internal static IQueryable<Project> Sample(IQueryable<Project> projects) => projects.Where(p => p.Id % SampleRate == 0);

    /// <summary>A keyset page of results in the requested order: the API's list.</summary>
    public Task<KeysetPage<ProjectSummary>> ListAsync(ProjectFilter filter, ListRequest request, ReferenceCatalog.Snapshot reference, CancellationToken ct = default) =>
        db.WithCustomPlansAsync(async () =>
        {
            var matching = Filtered(db, filter, reference);
            var counted = await CountAsync(matching, ct).ConfigureAwait(false);
            Task<KeysetPage<ProjectRow>> Page() => Rows(matching).PageAsync(Sorts, request, ct, () => Task.FromResult(counted));
            var page = counted.IsExact && counted.Total <= FewMatches
                ? await CustomPlans.WithSettingAsync(db, "enable_indexscan", "off", Page).ConfigureAwait(false)
                : await Page().ConfigureAwait(false);
            return new KeysetPage<ProjectSummary>(await SummariesAsync(page.Items, reference, ct).ConfigureAwait(false), page.Next, page.Total, page.TotalIsExact);
        });

    /// <summary>
    /// Up to this many matches, a list's page is read from the search index's bitmap and sorted, never by walking the
    /// order's index: PostgreSQL's LIMIT costing assumes the matches spread evenly through the ids, and walked the primary
    /// key through 1,865 projects to find 21 of 145 (1.9 ms at scale 1) where the bitmap and a top-N sort take 0.6 ms. Past
    /// a few hundred matches the walk can win, and the planner is left to choose.
    /// </summary>
    private const int FewMatches = 500;

    /// <summary>The projects a (validated) filter matches, unordered: what exports stream.</summary>
    public static IQueryable<Project> Filtered(AtlasDbContext db, ProjectFilter filter, ReferenceCatalog.Snapshot reference) =>
        Apply(db.Projects.AsNoTracking(), filter, ThemeId(filter, reference), Dimension.None);

    private static int? ThemeId(ProjectFilter filter, ReferenceCatalog.Snapshot reference) =>
        filter.Theme is null ? null : reference.ThemesByKey[filter.Theme].Id;

    private static IQueryable<ProjectRow> Rows(IQueryable<Project> projects) => projects.Select(p => new ProjectRow
    {
        Id = p.Id,
        Title = p.Title,
        Status = p.Status,
        StartYear = p.StartYear,
        EndYear = p.EndYear,
        PartnershipId = p.PartnershipId,
        PartnershipTitle = p.Partnership != null ? p.Partnership.Title : null,
        CountryCodes = p.CountryCodes,
        AuthorityIds = p.AuthorityIds,
        UpdatedAt = p.UpdatedAt,
        MainThemeId = p.Themes.Where(t => t.IsMain).Select(t => (int?)t.ThemeId).FirstOrDefault(),
    });

    /// <summary>The list items of the given projects, in the given order (e.g. a partnership's projects).</summary>
    public async Task<IReadOnlyList<ProjectSummary>> SummariesAsync(IQueryable<Project> projects, ReferenceCatalog.Snapshot reference, CancellationToken ct = default) =>
        await SummariesAsync(await Rows(projects).ToListAsync(ct).ConfigureAwait(false), reference, ct).ConfigureAwait(false);

    private async Task<List<ProjectSummary>> SummariesAsync(IReadOnlyList<ProjectRow> rows, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var authorityIds = rows.SelectMany(r => r.AuthorityIds).Distinct().ToArray();
        var authorities = await db.LocalAuthorities.AsNoTracking().Where(a => authorityIds.Contains(a.Id))
            .Select(a => new AuthorityRef(a.Id, a.Name, a.CountryCode)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        return rows.Select(r => new ProjectSummary(
            r.Id, r.Title, r.Status, r.StartYear, r.EndYear, r.PartnershipId, r.PartnershipTitle, r.CountryCodes,
            r.MainThemeId is { } t ? reference.ThemesById.GetValueOrDefault(t) : null,
            r.AuthorityIds.Where(authorities.ContainsKey).Select(id => authorities[id])
                .OrderBy(a => a.CountryCode == CountryCodes.France ? 0 : 1).ThenBy(a => a.Name, FrenchOrder.Comparer).ToList(),
            r.UpdatedAt)).ToList();
    }

    /// <summary>A facet's dimension; <see cref="AllFacets"/> leaves out the filter of every facet.</summary>
    private enum Dimension { None, Country, Region, Department, Theme, Status, AllFacets }

    private static IQueryable<Project> Apply(IQueryable<Project> projects, ProjectFilter f, int? themeId, Dimension except)
    {
        if (!string.IsNullOrWhiteSpace(f.Query))
        {
            // Every word a whole word or the start of one; a query without a word (punctuation only) matches nothing.
            var query = SearchWords.PrefixQuery(SearchWords.Of(f.Query));
            projects = query is null
                ? projects.Where(p => false)
                : projects.Where(p => p.SearchVector!.Matches(EF.Functions.ToTsQuery(TextConfig, AtlasDbFunctions.Unaccent(query))));
        }
        if (f.Authority is { } authority) projects = projects.Where(ArrayColumns.Holds<Project, int>(p => p.AuthorityIds, authority));
        if (f.YearFrom is { } from) projects = projects.Where(p => p.StartYear >= from);
        if (f.YearTo is { } to) projects = projects.Where(p => p.StartYear <= to);
        if (except == Dimension.AllFacets) return projects;
        foreach (var dimension in Facets)
        {
            if (dimension != except && FacetFilter(f, themeId, dimension) is { } condition) projects = projects.Where(condition);
        }
        return projects;
    }

    /// <summary>The filter of a facet's dimension: in SQL through <see cref="Apply"/>, and in memory over the sample's rows.</summary>
    private static Expression<Func<Project, bool>>? FacetFilter(ProjectFilter f, int? themeId, Dimension dimension) => dimension switch
    {
        Dimension.Country when f.Country is { } country => ArrayColumns.Holds<Project, string>(p => p.CountryCodes, country),
        Dimension.Region when f.Region is { } region => ArrayColumns.Holds<Project, string>(p => p.RegionCodes, region),
        Dimension.Department when f.Department is { } department => ArrayColumns.Holds<Project, string>(p => p.DepartmentCodes, department),
        Dimension.Theme when themeId is { } theme => ArrayColumns.Holds<Project, int>(p => p.ThemeIds, theme),
        Dimension.Status when f.Status is { } status => p => p.Status == status,
        _ => null,
    };

    private static IQueryable<Project> Order(IQueryable<Project> projects, ProjectFilter f, ProjectSort sort)
    {
        return sort switch
        {
            ProjectSort.Relevance when SearchWords.PrefixQuery(SearchWords.Of(f.Query)) is { } query => projects
                .OrderByDescending(p => p.SearchVector!.Rank(EF.Functions.ToTsQuery(TextConfig, AtlasDbFunctions.Unaccent(query))))
                .ThenBy(p => p.Id),
            ProjectSort.StartYear => projects.OrderByDescending(p => p.StartYear).ThenBy(p => p.Id),
            ProjectSort.Updated => projects.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => projects.OrderBy(p => p.Title).ThenBy(p => p.Id),
        };
    }

    /// <summary>
    /// Each facet counts the projects the filter matches without its own dimension. When that set is the result set (its
    /// dimension is not filtered on) the result's count says whether it is small enough to count exactly; otherwise the
    /// sample says so. A large set is counted on the sample and scaled up.
    /// </summary>
    private async Task<ProjectFacets> FacetsAsync(
        ProjectFilter filter, int? themeId, FacetSample? sample, AtlasCounts? everything, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var counts = new Dictionary<Dimension, List<(string Key, int Count, bool Estimated)>>();
        var toCount = new List<Dimension>();
        foreach (var dimension in Facets)
        {
            if (everything is not null && Without(filter, dimension).IsEmpty)
            {
                counts[dimension] = Stored(everything, dimension).Where(c => c.Value > 0).Select(c => (c.Key, c.Value, false)).ToList();
                continue;
            }
            var sampled = sample!.Where(dimension).ToList();
            if (sample.IsWhole || TooManyToCount(sampled.Count, _limit))
            {
                var estimated = !sample.IsWhole;
                counts[dimension] = sampled.SelectMany(row => SampledKeys(row, dimension)).GroupBy(k => k, StringComparer.Ordinal)
                    .Select(g => (g.Key, estimated ? Estimate(g.Count()) : g.Count(), estimated)).ToList();
                continue;
            }
            toCount.Add(dimension);
        }

        // Every facet still to count is a branch of one statement (UNION ALL of their keys), so that a search pays one round
        // trip and one EF query for its facets, not one per filtered dimension plus one for the free ones: the dimensions the
        // filter leaves free count the result's projects, each filtered one the projects matching the rest of the filter.
        if (toCount.Count > 0)
        {
            var projects = db.Projects.AsNoTracking();
            var keys = toCount.Select(d => Keys(Apply(projects, filter, themeId, d), d)).Aggregate(Queryable.Concat);
            var rows = await keys.GroupBy(k => new { k.Dimension, k.Key }).Select(g => new { g.Key.Dimension, g.Key.Key, Count = g.Count() })
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var dimension in toCount)
            {
                counts[dimension] = rows.Where(r => r.Dimension == (int)dimension).Select(r => (r.Key, r.Count, false)).ToList();
            }
        }

        return new ProjectFacets(
            counts[Dimension.Country].Select(c => new FacetValue(c.Key, reference.CountryName(c.Key), c.Count, c.Estimated)).OrderBy(v => v.Label, FrenchOrder.Comparer).ToList(),
            counts[Dimension.Region].Select(r => new FacetValue(r.Key, reference.Regions.GetValueOrDefault(r.Key, r.Key), r.Count, r.Estimated)).OrderBy(v => v.Label, FrenchOrder.Comparer).ToList(),
            // Départements in the order of their codes, as lists of départements are read in France (2A and 2B after 19).
            counts[Dimension.Department].Where(d => reference.Departments.ContainsKey(d.Key))
                .OrderBy(d => d.Key.Replace("2A", "20A", StringComparison.Ordinal).Replace("2B", "20B", StringComparison.Ordinal), StringComparer.Ordinal)
                .Select(d => new FacetValue(d.Key, reference.Departments[d.Key].Name, d.Count, d.Estimated)).ToList(),
            counts[Dimension.Theme].Select(t => (Id: int.Parse(t.Key, System.Globalization.CultureInfo.InvariantCulture), t.Count, t.Estimated))
                .Where(t => reference.ThemesById.ContainsKey(t.Id))
                .Select(t => (Node: reference.ThemesById[t.Id], t.Count, t.Estimated))
                .OrderBy(t => string.Join('/', reference.ThemePath(t.Node.Id).Select(n => n.SortOrder.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))))
                .Select(t => new FacetValue(t.Node.Key, t.Node.Name, t.Count, t.Estimated)).ToList(),
            counts[Dimension.Status].Select(s => (Status: EnumCode<ProjectStatus>.Parse(s.Key), s.Count, s.Estimated)).OrderBy(s => s.Status)
                .Select(s => new FacetValue(EnumCode<ProjectStatus>.ToCode(s.Status), Labels.Status(s.Status), s.Count, s.Estimated)).ToList());
    }

    /// <summary>A facet's keys over the given projects, as text: one row per project and value.</summary>
    private static IQueryable<FacetKey> Keys(IQueryable<Project> projects, Dimension dimension) => dimension switch
    {
        Dimension.Country => projects.SelectMany(p => p.CountryCodes).Select(k => new FacetKey { Dimension = (int)Dimension.Country, Key = k }),
        Dimension.Region => projects.SelectMany(p => p.RegionCodes).Select(k => new FacetKey { Dimension = (int)Dimension.Region, Key = k }),
        Dimension.Department => projects.SelectMany(p => p.DepartmentCodes).Select(k => new FacetKey { Dimension = (int)Dimension.Department, Key = k }),
        Dimension.Theme => projects.SelectMany(p => p.ThemeIds).Select(k => new FacetKey { Dimension = (int)Dimension.Theme, Key = k.ToString() }),
        Dimension.Status => projects.Select(StatusKey),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>The status's code as SQL computes it (CASE status WHEN … END), for the union of facet keys.</summary>
    private static readonly Expression<Func<Project, FacetKey>> StatusKey = BuildStatusKey();

    private static Expression<Func<Project, FacetKey>> BuildStatusKey()
    {
        var p = Expression.Parameter(typeof(Project), "p");
        Expression code = Expression.Constant("", typeof(string));
        foreach (var value in Enum.GetValues<ProjectStatus>())
        {
            Expression<Func<Project, bool>> isValue = x => x.Status == value;
            code = Expression.Condition(LambdaInlining.Inline(isValue, p), Expression.Constant(EnumCode<ProjectStatus>.ToCode(value)), code);
        }
        var key = Expression.MemberInit(Expression.New(typeof(FacetKey)),
            Expression.Bind(typeof(FacetKey).GetProperty(nameof(FacetKey.Dimension))!, Expression.Constant((int)Dimension.Status)),
            Expression.Bind(typeof(FacetKey).GetProperty(nameof(FacetKey.Key))!, code));
        return Expression.Lambda<Func<Project, FacetKey>>(key, p);
    }

    private static IEnumerable<string> SampledKeys(FacetRow row, Dimension dimension) => dimension switch
    {
        Dimension.Country => row.CountryCodes,
        Dimension.Region => row.RegionCodes,
        Dimension.Department => row.DepartmentCodes,
        Dimension.Theme => row.ThemeIds.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Dimension.Status => [EnumCode<ProjectStatus>.ToCode(row.Status)],
        _ => [],
    };

    /// <summary>A facet key of the union (member initialisation, which EF can translate inside a set operation, unlike a constructor).</summary>
    private sealed class FacetKey
    {
        public int Dimension { get; init; }
        public string Key { get; init; } = "";
    }

    private static ProjectFilter Without(ProjectFilter filter, Dimension dimension) => dimension switch
    {
        Dimension.Country => filter with { Country = null },
        Dimension.Region => filter with { Region = null },
        Dimension.Department => filter with { Department = null },
        Dimension.Theme => filter with { Theme = null },
        Dimension.Status => filter with { Status = null },
        _ => filter,
    };

    private static IEnumerable<KeyValuePair<string, int>> Stored(AtlasCounts counts, Dimension dimension) => dimension switch
    {
        Dimension.Country => counts.ProjectsByCountry,
        Dimension.Region => counts.ProjectsByRegion,
        Dimension.Department => counts.ProjectsByDepartment,
        Dimension.Theme => counts.Themes.Select(t => KeyValuePair.Create(t.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Value.Projects)),
        Dimension.Status => counts.ProjectsByStatus,
        _ => [],
    };

    /// <summary>A sample count scaled up, to two significant digits: the sample says no more.</summary>
    internal static int Estimate(int sampled)
    {
        var scaled = (double)sampled * SampleRate;
        var unit = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(scaled)) - 1));
        return (int)(Math.Round(scaled / unit) * unit);
    }

}
