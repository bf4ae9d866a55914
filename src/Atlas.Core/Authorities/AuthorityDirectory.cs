namespace Atlas.Core.Authorities;

/// <summary>
/// The /collectivites directory: the authorities of a filter (the API list's <see cref="AuthorityFilter"/>), a numbered
/// page at a time, with the count of each value of the country, kind, region and département selects. Each facet is
/// counted with every filter but its own, so that a select shows what choosing another value would give. With a name,
/// eight commands whatever the size of the data (the name's sample, count, the setting of the page's plan
/// (NameMatchPlans), the page, four facets; fewer when the sample says the name matches too many to count and its figures
/// are estimated from it), one more when the page of a common name lies past the sample's bound, and one more for the
/// suggestions of a search that found nothing.
/// Without a name, the selects are sums over the stored counts of authorities by place and kind (<see cref="CountSnapshots"/>),
/// one read for all four instead of a pass over the matching authorities each (all 1.38 M of them unfiltered at scale 100):
/// three commands then, the count (stopped at the exact-count limit), the page (a walk of the (name, id) index) and the
/// stored counts.
/// </summary>
public sealed class AuthorityDirectory(AtlasDbContext db, AuthoritySuggestionQuery suggestions, CountSnapshots snapshots, ExactCountLimit? countLimit = null)
{
    /// <summary>The host's limit (Atlas:Search:ExactCountLimit), as the project search reads it; the default without a host's.</summary>
    private readonly ExactCountLimit _countLimit = countLimit ?? ExactCountLimit.Default;

    /// <summary>The ICU collation of French order (Cléon before Clichy, Saint-Étienne before Saint-Germain-en-Laye), built into PostgreSQL.</summary>
    public const string FrenchCollation = "fr-x-icu";

    public const int SuggestionCount = 5;

    public async Task<AuthorityDirectoryPage> GetAsync(AuthorityFilter filter, AuthorityDirectorySort sort, int offset, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = AuthorityList.Filtered(db, filter);
        var named = NameTerms.Patterns(filter.Query).Count > 0;
        // A name of many authorities ("saint", "commune"): counting its matches was a pass over each of them, up to the
        // exact-count limit for the total and over all of them for each select (25,600 for "saint" at scale 100: 0.7 s for
        // the total, 0.3 s a select). Its sample bucket (id % 64, in the name's trigram index: migration 0020) says whether
        // the set is small enough to count; a larger one is estimated from the sample, as /projets does.
        var sample = named
            ? await Sample(AuthorityList.Filtered(db, new AuthorityFilter { Query = filter.Query }))
                .Select(a => new { a.Name, a.CountryCode, a.Kind, a.RegionCode, a.DepartmentCode, DepartmentRegion = a.Department!.RegionCode })
                .ToListAsync(ct).ConfigureAwait(false)
            : null;
        var sampledPlaces = sample?.GroupBy(a => (a.CountryCode, a.Kind, a.RegionCode, a.DepartmentCode, a.DepartmentRegion))
            .Select(g => new AuthorityPlaceCount(g.Key.CountryCode, EnumCode<AuthorityKind>.ToCode(g.Key.Kind), g.Key.RegionCode,
                g.Key.DepartmentCode, g.Key.DepartmentRegion, g.Count()))
            .ToList();
        // Every set a select counts lies within the name's: when the name's is small enough to count, so is each of them.
        var estimated = sampledPlaces is not null && ProjectSearch.TooManyToCount(sample!.Count, _countLimit);
        var sampledMatches = estimated ? sampledPlaces!.Where(p => Matches(p, filter)).Sum(p => p.Count) : 0;
        var totalEstimated = estimated && ProjectSearch.TooManyToCount(sampledMatches, _countLimit);
        var (total, exact) = totalEstimated
            ? (ProjectSearch.Estimate(sampledMatches), false)
            : await _countLimit.CountAsync(matching, ct).ConfigureAwait(false);
        IReadOnlyList<AuthorityRow> items = [];
        if (total > 0 && limit > 0 && !named)
            items = await Ordered(AuthorityList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        else if (total > 0 && limit > 0)
        {
            // A name's matches through its trigram index, sorted (NameMatchPlans); in name order, only those up to the
            // sample's bound when it gives one (SampledPageBound): 62 rows read for the first page of « saint » at scale 100.
            var bound = sort == AuthorityDirectorySort.Name
                ? SampledPageBound.Of(sample!.Where(a => Matches(new AuthorityPlaceCount(a.CountryCode, EnumCode<AuthorityKind>.ToCode(a.Kind),
                    a.RegionCode, a.DepartmentCode, a.DepartmentRegion, 1), filter)).Select(a => a.Name), offset, limit)
                : null;
            items = await db.WithoutIndexWalksAsync(async () =>
            {
                List<AuthorityRow> rows = [];
                if (bound is not null)
                    rows = await Ordered(AuthorityList.Rows(matching.Where(a => string.Compare(a.Name, bound) <= 0)), sort)
                        .Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
                return rows.Count == limit
                    ? rows
                    : await Ordered(AuthorityList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, int> countries, regions, departments;
        IReadOnlyDictionary<AuthorityKind, int> kinds;
        if (sampledPlaces is not null && estimated)
        {
            // The name's sample, counted as the stored places are (every filter but the select's own), scaled up.
            countries = Estimated(Sum(sampledPlaces.Where(p => Matches(p, filter with { Country = null })), p => p.Country));
            kinds = Estimated(Sum(sampledPlaces.Where(p => Matches(p, filter with { Kind = null })), p => EnumCode<AuthorityKind>.Parse(p.Kind)));
            regions = Estimated(Sum(sampledPlaces.Where(p => Matches(p, filter with { Region = null }) && (p.Region ?? p.DepartmentRegion) != null),
                p => (p.Region ?? p.DepartmentRegion)!));
            departments = Estimated(Sum(sampledPlaces.Where(p => Matches(p, filter with { Department = null }) && p.Department != null), p => p.Department!));
        }
        else if (!named)
        {
            // Without a name, every select is a sum over the stored places (a few hundred rows): counting them was a pass
            // over every authority (1.38 M at scale 100) or over every one of a country (85,000 for Senegal, 100 ms of
            // SQL for its three selects), on each request.
            var places = (await snapshots.GetAsync(ct).ConfigureAwait(false)).AuthorityPlaces;
            countries = Sum(places.Where(p => Matches(p, filter with { Country = null })), p => p.Country);
            kinds = Sum(places.Where(p => Matches(p, filter with { Kind = null }) && EnumCode<AuthorityKind>.TryParse(p.Kind, out _)),
                p => EnumCode<AuthorityKind>.Parse(p.Kind));
            regions = Sum(places.Where(p => Matches(p, filter with { Region = null }) && (p.Region ?? p.DepartmentRegion) != null),
                p => (p.Region ?? p.DepartmentRegion)!);
            departments = Sum(places.Where(p => Matches(p, filter with { Department = null }) && p.Department != null), p => p.Department!);
        }
        else
        {
            countries = await CountAsync(AuthorityList.Filtered(db, filter with { Country = null }).Select(a => a.CountryCode), ct).ConfigureAwait(false);
            kinds = await AuthorityList.Filtered(db, filter with { Kind = null })
                .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
            regions = await CountAsync(AuthorityList.Filtered(db, filter with { Region = null })
                .Select(a => a.RegionCode ?? a.Department!.RegionCode).Where(r => r != null).Select(r => r!), ct).ConfigureAwait(false);
            departments = await CountAsync(AuthorityList.Filtered(db, filter with { Department = null })
                .Where(a => a.DepartmentCode != null).Select(a => a.DepartmentCode!), ct).ConfigureAwait(false);
        }

        // A name that finds nothing may be misspelt: the typo-tolerant look-up of the API's suggestions says what it resembles.
        IReadOnlyList<AuthoritySuggestion> similar = [];
        if (total == 0 && filter.Query is { } typed && typed.Trim().Length is >= 2 and <= AuthoritySuggestionQuery.MaxLength)
            similar = await suggestions.SuggestAsync(typed.Trim(), SuggestionCount, ct).ConfigureAwait(false);

        return new AuthorityDirectoryPage(items, total, exact, new AuthorityFacets(countries, kinds, regions, departments, estimated), similar,
            totalEstimated);
    }

    /// <summary>The rows in the order of <paramref name="sort"/>, ties broken by name then id so that pages never overlap.</summary>
    public static IQueryable<AuthorityRow> Ordered(IQueryable<AuthorityRow> rows, AuthorityDirectorySort sort) => sort switch
    {
        AuthorityDirectorySort.Population => rows.OrderBy(r => r.Population == null).ThenByDescending(r => r.Population)
            .ThenBy(r => EF.Functions.Collate(r.Name, FrenchCollation)).ThenBy(r => r.Id),
        AuthorityDirectorySort.Partnerships => rows.OrderByDescending(r => r.PartnershipCount)
            .ThenBy(r => EF.Functions.Collate(r.Name, FrenchCollation)).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => EF.Functions.Collate(r.Name, FrenchCollation)).ThenBy(r => r.Id),
    };

    /// <summary>The stored place meets the filter's selects as <see cref="AuthorityList.Filtered"/> writes them (a region: its own or its département's).</summary>
    private static bool Matches(AuthorityPlaceCount p, AuthorityFilter f) =>
        (f.Country is null || p.Country == f.Country)
        && (f.Kind is null || p.Kind == EnumCode<AuthorityKind>.ToCode(f.Kind.Value))
        && (f.Region is null || p.Region == f.Region || p.DepartmentRegion == f.Region)
        && (f.Department is null || p.Department == f.Department);

    /// <summary>The authorities of the sample bucket: one in <see cref="ProjectSearch.SampleRate"/>, by id.</summary>
    private static IQueryable<LocalAuthority> Sample(IQueryable<LocalAuthority> authorities) =>
        authorities.Where(a => a.Id % ProjectSearch.SampleRate == 0);

    private static Dictionary<TKey, int> Estimated<TKey>(Dictionary<TKey, int> sampled) where TKey : notnull =>
        sampled.ToDictionary(s => s.Key, s => ProjectSearch.Estimate(s.Value));

    private static Dictionary<TKey, int> Sum<TKey>(IEnumerable<AuthorityPlaceCount> places, Func<AuthorityPlaceCount, TKey> key) where TKey : notnull =>
        places.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));

    private static async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
}
