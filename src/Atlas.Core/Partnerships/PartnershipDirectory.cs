namespace Atlas.Core.Partnerships;

/// <summary>
/// The /partenariats directory: the partnerships of the API list's filter, a numbered page at a time, with the count of
/// each value of the country, region and status selects, each counted with every filter but its own. The filter is read
/// on the partnerships' narrow rows of filter columns (<see cref="PartnershipSearchIndex"/>, migration 0025), which mean
/// what <see cref="PartnershipList.Filtered"/> means on the records (the API's and the exports'; a test holds them to the
/// same answers). Nine commands at most whatever the size of the data (the sample, the count, the setting of a name's page
/// plan (NameMatchPlans), the page, its authorities, its project counts, and one exact count for each select whose set the
/// sample says is small enough to count), one more when the page is past the sample's bound. A select that no other filter narrows, or one country or
/// one region alone, reads the stored counts of the statistics (<see cref="CountSnapshots"/>).
/// </summary>
public sealed class PartnershipDirectory(AtlasDbContext db, PartnershipList list, CountSnapshots snapshots, ExactCountLimit? countLimit = null)
{
    /// <summary>The host's limit (Atlas:Search:ExactCountLimit), as the project search reads it; the default without a host's.</summary>
    private readonly ExactCountLimit _countLimit = countLimit ?? ExactCountLimit.Default;

    public async Task<PartnershipDirectoryPage> GetAsync(
        PartnershipFilter filter, PartnershipDirectorySort sort, int offset, int limit, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var withoutCountry = filter with { Country = null };
        var withoutRegion = filter with { Region = null };
        var withoutStatus = filter with { Status = null };
        // A filter of one partner country alone (the country pages' link): its count is the stored one, where counting
        // its matches was a hash join of every partnership link (1.0 s for Senegal's 85,000 at scale 100).
        var onlyCountry = OnlyCountry(filter);
        var storedCountries = withoutCountry == Unfiltered || OnlyRegion(withoutCountry) is not null;
        var storedRegions = withoutRegion == Unfiltered || OnlyCountry(withoutRegion) is not null;
        var storedStatuses = withoutStatus == Unfiltered || OnlyCountry(withoutStatus) is not null || OnlyRegion(withoutStatus) is not null;
        var stored = onlyCountry is not null || storedCountries || storedRegions || storedStatuses
            ? await snapshots.GetAsync(ct).ConfigureAwait(false)
            : null;
        // Any other filter (a name, a theme, a département, years...): the sample bucket's narrow rows (id % 64, a few
        // hundred pages read in order) that meet it but for the selects' conditions, read once: they say whether each set
        // is few enough to count, and estimate those that are not, as /projets does. Reading the bucket of the records was
        // 12,800 rows at random for each select (0.4–1.1 s cold at scale 100), and the sample of a common name the whole set
        // of its matches (3.2 s for the 49,475 of « saint »).
        var sample = onlyCountry is null && filter != Unfiltered || !storedCountries || !storedRegions || !storedStatuses
            ? new Sample(await PartnershipSearchIndex.Filtered(db, filter, reference, withSelects: false)
                .Where(e => e.PartnershipId % ProjectSearch.SampleRate == 0)
                .Select(e => new SampleRow(e.Title, e.Status, e.CountryCodes, e.RegionCodes, e.FrenchRegionCodes))
                .ToListAsync(ct).ConfigureAwait(false), filter)
            : null;

        var entries = PartnershipSearchIndex.Filtered(db, filter, reference);
        var totalEstimated = false;
        int total;
        bool exact;
        if (onlyCountry is not null) (total, exact) = Limited(stored!.PartnershipsByCountry.GetValueOrDefault(onlyCountry));
        else if (filter == Unfiltered) (total, exact) = await _countLimit.CountAsync(db.Partnerships, ct).ConfigureAwait(false);
        else
        {
            var sampled = sample!.Matching(country: true, region: true, status: true).Count();
            totalEstimated = ProjectSearch.TooManyToCount(sampled, _countLimit);
            (total, exact) = totalEstimated
                ? (ProjectSearch.Estimate(sampled), false)
                : await _countLimit.CountAsync(entries, ct).ConfigureAwait(false);
        }

        IReadOnlyList<PartnershipItem> items = [];
        if (total > 0 && limit > 0)
        {
            var rows = await PageAsync(filter, entries, sort, offset, limit, sample, ct).ConfigureAwait(false);
            items = await list.ItemsAsync(rows, ct).ConfigureAwait(false);
        }

        // The foreign authorities' countries (France left out) and the French ones' regions, each partnership once.
        var facetsEstimated = false;
        var countries = storedCountries
            ? withoutCountry == Unfiltered
                ? stored!.PartnershipsByCountry
                : Sum(stored!.PartnershipsByCountryAndRegion.Where(c => c.Second == OnlyRegion(withoutCountry)), c => c.First)
            : await CountOrEstimateAsync(sample!.Matching(country: false, region: true, status: true).SelectMany(r => r.CountryCodes),
                PartnershipSearchIndex.Filtered(db, withoutCountry, reference).SelectMany(e => e.CountryCodes), () => facetsEstimated = true, ct).ConfigureAwait(false);
        var regions = storedRegions
            ? withoutRegion == Unfiltered
                ? stored!.PartnershipsByRegion
                : Sum(stored!.PartnershipsByCountryAndRegion.Where(c => c.First == OnlyCountry(withoutRegion)), c => c.Second)
            : await CountOrEstimateAsync(sample!.Matching(country: true, region: false, status: true).SelectMany(r => r.FrenchRegionCodes),
                PartnershipSearchIndex.Filtered(db, withoutRegion, reference).SelectMany(e => e.FrenchRegionCodes), () => facetsEstimated = true, ct).ConfigureAwait(false);
        IReadOnlyDictionary<PartnershipStatus, int> statuses = storedStatuses
            ? (withoutStatus == Unfiltered
                    ? stored!.PartnershipsByStatus
                    : OnlyCountry(withoutStatus) is { } statusCountry
                        ? Sum(stored!.PartnershipsByCountryAndStatus.Where(c => c.First == statusCountry), c => c.Second)
                        : Sum(stored!.PartnershipsByRegionAndStatus.Where(c => c.First == OnlyRegion(withoutStatus)), c => c.Second))
                .Where(s => EnumCode<PartnershipStatus>.TryParse(s.Key, out _))
                .ToDictionary(s => EnumCode<PartnershipStatus>.Parse(s.Key), s => s.Value)
            : await CountOrEstimateAsync(sample!.Matching(country: true, region: true, status: false).Select(r => r.Status),
                PartnershipSearchIndex.Filtered(db, withoutStatus, reference).Select(e => e.Status), () => facetsEstimated = true, ct).ConfigureAwait(false);

        return new PartnershipDirectoryPage(items, total, exact, new PartnershipFacets(countries, regions, statuses, facetsEstimated), totalEstimated);
    }

    /// <summary>
    /// The page's rows. In title order, the sample's titles say about where the page ends (<see cref="SampledPageBound"/>):
    /// the matches up to such a title are the list's beginning, so when they hold the page (a full page comes back) it is
    /// the page of the whole list, read among them instead of sorting every match. A page past the bound (the sample fell
    /// short, or the list ended there) is read again without it. A name's page is read on the narrow rows, its matches found
    /// through the name's trigram index ANDed with the title's range, never by walking the title order (<see cref="NameMatchPlans"/>):
    /// the walk checked every title from the first one (1.3 s for the first page of « ndirou » at scale 100).
    /// </summary>
    private async Task<IReadOnlyList<PartnershipRow>> PageAsync(
        PartnershipFilter filter, IQueryable<PartnershipSearchEntry> entries, PartnershipDirectorySort sort, int offset, int limit, Sample? sample,
        CancellationToken ct)
    {
        var bound = sort == PartnershipDirectorySort.Title && sample is not null
            ? SampledPageBound.Of(sample.Matching(country: true, region: true, status: true).Select(r => r.Title), offset, limit)
            : null;
        if (sort == PartnershipDirectorySort.Title && NameTerms.Patterns(filter.Query).Count > 0)
        {
            return await db.WithoutIndexWalksAsync(async () =>
            {
                IReadOnlyList<PartnershipRow> rows = [];
                if (bound is not null) rows = await NamedPageAsync(entries.Where(e => string.Compare(e.Title, bound) <= 0), offset, limit, ct).ConfigureAwait(false);
                return rows.Count == limit ? rows : await NamedPageAsync(entries, offset, limit, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        var matching = filter == Unfiltered ? db.Partnerships.AsNoTracking() : db.Partnerships.AsNoTracking().Where(p => entries.Any(e => e.PartnershipId == p.Id));
        if (bound is not null)
        {
            var bounded = await Ordered(PartnershipList.Rows(matching.Where(p => string.Compare(p.Title, bound) <= 0)), sort)
                .Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
            if (bounded.Count == limit) return bounded;
        }
        return await Ordered(PartnershipList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A page in title order of the narrow rows given, then the records of that page.</summary>
    private async Task<IReadOnlyList<PartnershipRow>> NamedPageAsync(IQueryable<PartnershipSearchEntry> entries, int offset, int limit, CancellationToken ct)
    {
        var ids = entries.OrderBy(e => EF.Functions.Collate(e.Title, AuthorityDirectory.FrenchCollation)).ThenBy(e => e.PartnershipId)
            .Skip(offset).Take(limit).Select(e => e.PartnershipId);
        return await Ordered(PartnershipList.Rows(db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id))), PartnershipDirectorySort.Title)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A sampled row: what the selects and the page bound read.</summary>
    private sealed record SampleRow(string Title, PartnershipStatus Status, string[] CountryCodes, string[] RegionCodes, string[] FrenchRegionCodes);

    /// <summary>The sample's rows, with the selects' conditions of the filter checked in memory, as the narrow rows' filter writes them.</summary>
    private sealed class Sample(List<SampleRow> rows, PartnershipFilter filter)
    {
        public IEnumerable<SampleRow> Matching(bool country, bool region, bool status) => rows.Where(r =>
            (!country || filter.Country is null || r.CountryCodes.Contains(filter.Country))
            && (!region || filter.Region is null || r.RegionCodes.Contains(filter.Region))
            && (!status || filter.Status is null || r.Status == filter.Status));
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

    /// <summary>
    /// A select's counts: scaled up from its set's sampled rows when they say it is too large to count (<paramref name="estimated"/>
    /// is called); otherwise counted exactly on the narrow rows, one command.
    /// </summary>
    private async Task<IReadOnlyDictionary<TKey, int>> CountOrEstimateAsync<TKey>(
        IEnumerable<TKey> sampled, IQueryable<TKey> codes, Action estimated, CancellationToken ct) where TKey : notnull
    {
        var sampledCodes = sampled.ToList();
        if (!ProjectSearch.TooManyToCount(sampledCodes.Count, _countLimit)) return await CountAsync(codes, ct).ConfigureAwait(false);
        estimated();
        return sampledCodes.GroupBy(c => c).ToDictionary(g => g.Key, g => ProjectSearch.Estimate(g.Count()));
    }

    private static async Task<IReadOnlyDictionary<TKey, int>> CountAsync<TKey>(IQueryable<TKey> codes, CancellationToken ct) where TKey : notnull =>
        await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
}
