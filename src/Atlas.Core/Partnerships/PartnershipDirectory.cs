using Atlas.Core.Authorities;
using Atlas.Core.Countries;
using Atlas.Core.Data;
using Atlas.Core.Figures;
using Atlas.Core.Paging;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Partnerships;

/// <summary>
/// The /partenariats directory: the partnerships of the API list's filter (<see cref="PartnershipList.Filtered"/>, so a
/// filter means the same on the page, in the API and in the exports), a numbered page at a time, with the count of each
/// value of the country, region and status selects, each counted with every filter but its own. Seven commands at most
/// (count, page, its authorities, its project counts, three facets) whatever the size of the data. A country or region
/// select, or the status select, that no other filter narrows counts every partnership: those counts are the stored ones of the statistics
/// (<see cref="CountSnapshots"/>), one read instead of a pass over all partnerships (100 ms at scale 1, measured).
/// </summary>
public sealed class PartnershipDirectory(AtlasDbContext db, PartnershipList list, CountSnapshots snapshots)
{
    public async Task<PartnershipDirectoryPage> GetAsync(
        PartnershipFilter filter, PartnershipDirectorySort sort, int offset, int limit, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = PartnershipList.Filtered(db, filter, reference);
        var (total, exact) = await ExactCountLimit.Default.CountAsync(matching, ct).ConfigureAwait(false);
        IReadOnlyList<PartnershipItem> items = [];
        if (total > 0 && limit > 0)
        {
            var rows = await Ordered(PartnershipList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);
            items = await list.ItemsAsync(rows, ct).ConfigureAwait(false);
        }

        // The foreign authorities' countries (France left out) and the French ones' regions, each partnership once.
        var stored = filter with { Country = null } == Unfiltered || filter with { Region = null } == Unfiltered
            || filter with { Status = null } == Unfiltered
            ? await snapshots.GetAsync(ct).ConfigureAwait(false)
            : null;
        var withoutCountry = PartnershipList.Filtered(db, filter with { Country = null }, reference).Select(p => p.Id);
        var withoutRegion = PartnershipList.Filtered(db, filter with { Region = null }, reference).Select(p => p.Id);
        var countries = filter with { Country = null } == Unfiltered
            ? stored!.PartnershipsByCountry
            : await CountAsync(db.PartnershipAuthorities
                .Where(pa => withoutCountry.Contains(pa.PartnershipId)
                    && pa.LocalAuthority!.CountryCode != CountryCodes.France)
                .Select(pa => new { Code = pa.LocalAuthority!.CountryCode, pa.PartnershipId }).Distinct().Select(x => x.Code), ct).ConfigureAwait(false);
        var regions = filter with { Region = null } == Unfiltered
            ? stored!.PartnershipsByRegion
            : await CountAsync(db.PartnershipAuthorities
                .Where(pa => withoutRegion.Contains(pa.PartnershipId)
                    && pa.LocalAuthority!.CountryCode == CountryCodes.France)
                .Select(pa => new { Code = pa.LocalAuthority!.RegionCode ?? pa.LocalAuthority.Department!.RegionCode, pa.PartnershipId })
                .Where(x => x.Code != null).Distinct().Select(x => x.Code!), ct).ConfigureAwait(false);
        // Over every partnership (820,000 at scale 100) when nothing else narrows it: the stored counts too.
        IReadOnlyDictionary<PartnershipStatus, int> statuses = filter with { Status = null } == Unfiltered
            ? stored!.PartnershipsByStatus.Where(s => EnumCode<PartnershipStatus>.TryParse(s.Key, out _))
                .ToDictionary(s => EnumCode<PartnershipStatus>.Parse(s.Key), s => s.Value)
            : await PartnershipList.Filtered(db, filter with { Status = null }, reference)
                .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);

        return new PartnershipDirectoryPage(items, total, exact, new PartnershipFacets(countries, regions, statuses));
    }

    private static readonly PartnershipFilter Unfiltered = new();

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

    private static async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
}
