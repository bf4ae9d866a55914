namespace Atlas.Core.Partnerships;

/// <summary>
/// The /partenariats directory: the partnerships of the API list's filter (<see cref="PartnershipList.Filtered"/>, so a
/// filter means the same on the page, in the API and in the exports), a numbered page at a time, with the count of each
/// value of the country, region and status selects, each counted with every filter but its own. Eleven commands at most
/// (the sample count, count, page, its authorities, its project counts, and for each of the three selects its sample then,
/// when that is small enough, its exact count) whatever the size of the data. A country or region
/// select, or the status select, that no other filter narrows counts every partnership: those counts are the stored ones of the statistics
/// (<see cref="CountSnapshots"/>), one read instead of a pass over all partnerships (100 ms at scale 1, measured).
/// </summary>
public sealed class PartnershipDirectory(AtlasDbContext db, PartnershipList list, CountSnapshots snapshots, ExactCountLimit? countLimit = null)
{
    /// <summary>The host's limit (Atlas:Search:ExactCountLimit), as the project search reads it; the default without a host's.</summary>
    private readonly ExactCountLimit _countLimit = countLimit ?? ExactCountLimit.Default;

    public async Task<PartnershipDirectoryPage> GetAsync(
        PartnershipFilter filter, PartnershipDirectorySort sort, int offset, int limit, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = PartnershipList.Filtered(db, filter, reference);
        // A filter of one partner country alone (the country pages' link): its count is the stored one, where counting
        // its matches was a hash join of every partnership link (1.0 s for Senegal's 85,000 at scale 100).
        var onlyCountry = OnlyCountry(filter);
        var stored = onlyCountry is not null || filter with { Country = null } == Unfiltered || filter with { Region = null } == Unfiltered
            || filter with { Status = null } == Unfiltered || OnlyRegion(filter with { Status = null }) is not null
            || OnlyRegion(filter with { Country = null }) is not null || OnlyCountry(filter with { Status = null }) is not null
            ? await snapshots.GetAsync(ct).ConfigureAwait(false)
            : null;
        // Any other filter (a name, a theme, a département, an authority, years): its sample bucket (id % 64, indexed by
        // migration 0020) says whether its matches are few enough to count; more are estimated from it, as /projets does.
        // Counting them was a pass over each up to the exact-count limit (0.24 s for an environment theme at scale 100).
        var totalEstimated = false;
        int total;
        bool exact;
        if (onlyCountry is not null) (total, exact) = Limited(stored!.PartnershipsByCountry.GetValueOrDefault(onlyCountry));
        else if (filter == Unfiltered) (total, exact) = await _countLimit.CountAsync(matching, ct).ConfigureAwait(false);
        else
        {
            var sampled = await Sample(matching).CountAsync(ct).ConfigureAwait(false);
            totalEstimated = ProjectSearch.TooManyToCount(sampled, _countLimit);
            (total, exact) = totalEstimated
                ? (ProjectSearch.Estimate(sampled), false)
                : await _countLimit.CountAsync(matching, ct).ConfigureAwait(false);
        }
        var facetsEstimated = false;
        IReadOnlyList<PartnershipItem> items = [];
        if (total > 0 && limit > 0)
        {
            var rows = await Ordered(PartnershipList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
            items = await list.ItemsAsync(rows, ct).ConfigureAwait(false);
        }

        // The foreign authorities' countries (France left out) and the French ones' regions, each partnership once. A select
        // that no other filter narrows, or that one country or one region alone narrows, reads the stored counts: counting
        // it was a pass over every partnership, or over every one of a country (Senegal's region select: 2.1 s at scale 100).
        var withoutCountry = PartnershipList.Filtered(db, filter with { Country = null }, reference).Select(p => p.Id);
        var withoutRegion = PartnershipList.Filtered(db, filter with { Region = null }, reference).Select(p => p.Id);
        var countries = filter with { Country = null } == Unfiltered
            ? stored!.PartnershipsByCountry
            : OnlyRegion(filter with { Country = null }) is { } countryRegion
                ? Sum(stored!.PartnershipsByCountryAndRegion.Where(c => c.Second == countryRegion), c => c.First)
                : await CountOrEstimateAsync(ids => db.PartnershipAuthorities
                    .Where(pa => ids.Contains(pa.PartnershipId)
                        && pa.LocalAuthority!.CountryCode != CountryCodes.France)
                    .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct().Select(x => x.Code), withoutCountry,
                    () => facetsEstimated = true, ct).ConfigureAwait(false);
        var regions = filter with { Region = null } == Unfiltered
            ? stored!.PartnershipsByRegion
            : onlyCountry is not null
                ? Sum(stored!.PartnershipsByCountryAndRegion.Where(c => c.First == onlyCountry), c => c.Second)
                : await CountOrEstimateAsync(ids => db.PartnershipAuthorities
                    .Where(pa => ids.Contains(pa.PartnershipId)
                        && pa.LocalAuthority!.CountryCode == CountryCodes.France)
                    .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId })
                    .Where(x => x.Code != null).Distinct().Select(x => x.Code!), withoutRegion,
                    () => facetsEstimated = true, ct).ConfigureAwait(false);
        var withoutStatus = filter with { Status = null };
        IReadOnlyDictionary<string, int>? storedStatuses = withoutStatus == Unfiltered
            ? stored!.PartnershipsByStatus
            : OnlyCountry(withoutStatus) is { } statusCountry
                ? Sum(stored!.PartnershipsByCountryAndStatus.Where(c => c.First == statusCountry), c => c.Second)
                : OnlyRegion(withoutStatus) is { } statusRegion
                    ? Sum(stored!.PartnershipsByRegionAndStatus.Where(c => c.First == statusRegion), c => c.Second)
                    : null;
        IReadOnlyDictionary<PartnershipStatus, int> statuses = storedStatuses is not null
            ? storedStatuses.Where(s => EnumCode<PartnershipStatus>.TryParse(s.Key, out _))
                .ToDictionary(s => EnumCode<PartnershipStatus>.Parse(s.Key), s => s.Value)
            : await CountOrEstimateAsync(ids => db.Partnerships.Where(p => ids.Contains(p.Id)).Select(p => p.Status),
                PartnershipList.Filtered(db, withoutStatus, reference).Select(p => p.Id), () => facetsEstimated = true, ct).ConfigureAwait(false);

        return new PartnershipDirectoryPage(items, total, exact, new PartnershipFacets(countries, regions, statuses, facetsEstimated), totalEstimated);
    }

    private static readonly PartnershipFilter Unfiltered = new();

    /// <summary>The country of a filter that names one partner country and nothing else, or null.</summary>
    private static string? OnlyCountry(PartnershipFilter f) => f.Country is { } c && f with { Country = null } == Unfiltered ? c : null;

    /// <summary>The region of a filter that names one French region and nothing else, or null.</summary>
    private static string? OnlyRegion(PartnershipFilter f) => f.Region is { } r && f with { Region = null } == Unfiltered ? r : null;

    /// <summary>A stored count as a list's count: exact up to the limit, "more than" beyond, as <see cref="ExactCountLimit"/> says it.</summary>
    private (int Total, bool IsExact) Limited(int count) =>
        count > _countLimit.Rows ? (_countLimit.Rows, false) : (count, true);

    private static Dictionary<string, int> Sum(IEnumerable<PairCount> pairs, Func<PairCount, string> key) =>
        pairs.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Count), StringComparer.Ordinal);

    /// <summary>The name of an authority a filter names, or null when there is none of that id.</summary>
    public Task<string?> AuthorityNameAsync(int id, CancellationToken ct = default) =>
        db.LocalAuthorities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);

    /// <summary>The rows in the order of <paramref name="sort"/>, ties broken by title then id so that pages never overlap.</summary>
    public static IQueryable<PartnershipRow> Ordered(IQueryable<PartnershipRow> rows, PartnershipDirectorySort sort) => sort switch
    {
        PartnershipDirectorySort.Signed => rows.OrderBy(r => r.SignedYear == null).ThenByDescending(r => r.SignedYear)
            .ThenBy(r => EF.Functions.Collate(r.Title, AuthorityDirectory.FrenchCollation)).ThenBy(r => r.Id),
        PartnershipDirectorySort.Updated => rows.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => EF.Functions.Collate(r.Title, AuthorityDirectory.FrenchCollation)).ThenBy(r => r.Id),
    };

    /// <summary>The partnerships of the sample bucket: one in <see cref="ProjectSearch.SampleRate"/>, by id.</summary>
    private static IQueryable<Partnership> Sample(IQueryable<Partnership> partnerships) =>
        partnerships.Where(p => p.Id % ProjectSearch.SampleRate == 0);

    /// <summary>
    /// A select's counts over the partnerships <paramref name="ids"/> names: counted on their sample bucket first (a few
    /// hundred rows whatever the filter), and when that says the set is too large to count, scaled up from it
    /// (<paramref name="estimated"/> is called); otherwise counted exactly. Two commands at most.
    /// </summary>
    private async Task<IReadOnlyDictionary<TKey, int>> CountOrEstimateAsync<TKey>(
        Func<IQueryable<int>, IQueryable<TKey>> codes, IQueryable<int> ids, Action estimated, CancellationToken ct) where TKey : notnull
    {
        var sampled = await CountAsync(codes(ids.Where(id => id % ProjectSearch.SampleRate == 0)), ct).ConfigureAwait(false);
        if (!ProjectSearch.TooManyToCount(sampled.Values.Sum(), _countLimit)) return await CountAsync(codes(ids), ct).ConfigureAwait(false);
        estimated();
        return sampled.ToDictionary(s => s.Key, s => ProjectSearch.Estimate(s.Value));
    }

    private static async Task<IReadOnlyDictionary<TKey, int>> CountAsync<TKey>(IQueryable<TKey> codes, CancellationToken ct) where TKey : notnull =>
        await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
}
