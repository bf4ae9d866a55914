using System.Text.RegularExpressions;

namespace Atlas.Core.Partnerships;

/// <summary>Finds partnerships by filter, a keyset page at a time.</summary>
public sealed class PartnershipList(AtlasDbContext db)
{
    private static readonly StringComparer French = FrenchOrder.Comparer;

    public static readonly IReadOnlyDictionary<string, SortField<PartnershipRow>> Sorts = new Dictionary<string, SortField<PartnershipRow>>
    {
        ["id"] = SortField.By<PartnershipRow, int>("id", r => r.Id, r => r.Id),
        ["title"] = SortField.By<PartnershipRow, string>("title", r => r.Title, r => r.Id),
        ["signedYear"] = SortField.By<PartnershipRow, int>("signedYear", r => r.SignedYear ?? 0, r => r.Id),
        ["updatedAt"] = SortField.By<PartnershipRow, DateTimeOffset>("updatedAt", r => r.UpdatedAt, r => r.Id),
    };

    public async Task<KeysetPage<PartnershipItem>> ListAsync(PartnershipFilter filter, ListRequest request, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var page = await Rows(Filtered(db, filter, reference)).PageAsync(Sorts, request, ct).ConfigureAwait(false);
        return new KeysetPage<PartnershipItem>(await ItemsAsync(page.Items, ct).ConfigureAwait(false), page.Next, page.Total, page.TotalIsExact);
    }

    /// <summary>The partnerships a (validated) filter matches, unordered.</summary>
    public static IQueryable<Partnership> Filtered(AtlasDbContext db, PartnershipFilter f, ReferenceCatalog.Snapshot reference)
    {
        var partnerships = db.Partnerships.AsNoTracking();
        foreach (var pattern in NameTerms.Patterns(f.Query))
        {
            // The ids of the titles and of the authorities' names that match, each found through its trigram index: an OR of
            // the two conditions on each partnership was a pass over all of them, a regular expression and a look-up of its
            // authorities each (820,000 at scale 100), wherever the word was rare.
            var byTitle = db.Partnerships
                .Where(p => Regex.IsMatch(AtlasDbFunctions.Unaccent(p.Title), AtlasDbFunctions.Unaccent(pattern), RegexOptions.IgnoreCase))
                .Select(p => p.Id);
            var byAuthority = db.PartnershipAuthorities
                .Where(a => Regex.IsMatch(AtlasDbFunctions.AuthorityNames(a.LocalAuthority!.Name, a.LocalAuthority.AlternateNames),
                    AtlasDbFunctions.Unaccent(pattern), RegexOptions.IgnoreCase))
                .Select(a => a.PartnershipId);
            var named = byTitle.Union(byAuthority);
            partnerships = partnerships.Where(p => named.Contains(p.Id));
        }
        if (f.Country is { } country)
        {
            partnerships = partnerships.Where(p => p.Authorities.Any(a =>
                a.LocalAuthority!.CountryCode == country && a.LocalAuthority.CountryCode != CountryCodes.France));
        }
        if (f.Region is { } region)
        {
            partnerships = partnerships.Where(p => p.Authorities.Any(a =>
                a.LocalAuthority!.RegionCode == region || a.LocalAuthority.Department!.RegionCode == region));
        }
        if (f.Department is { } department)
            partnerships = partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.DepartmentCode == department));
        if (f.Authority is { } authority)
            partnerships = partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthorityId == authority));
        if (f.Theme is { } themeKey)
        {
            // A partnership is found by its own themes (a sub-theme of the one asked included), never by its projects':
            // a project's themes are the project's, and the project list answers for them.
            var themeIds = WithDescendants(reference.ThemesByKey[themeKey].Id, reference);
            partnerships = partnerships.Where(p => p.Themes.Any(t => themeIds.Contains(t.ThemeId)));
        }
        if (f.Status is { } status) partnerships = partnerships.Where(p => p.Status == status);
        if (f.SignedFrom is { } from) partnerships = partnerships.Where(p => p.SignedYear >= from);
        if (f.SignedTo is { } to) partnerships = partnerships.Where(p => p.SignedYear <= to);
        return partnerships;
    }

    public static IQueryable<PartnershipRow> Rows(IQueryable<Partnership> partnerships) => partnerships.Select(p => new PartnershipRow
    {
        Id = p.Id,
        Title = p.Title,
        LegalFrame = p.LegalFrame,
        SignedOn = p.SignedOn,
        SignedYear = p.SignedYear,
        Status = p.Status,
        UpdatedAt = p.UpdatedAt,
    });

    /// <summary>The rows with their authorities and project counts, in the rows' order.</summary>
    public async Task<IReadOnlyList<PartnershipItem>> ItemsAsync(IReadOnlyList<PartnershipRow> rows, CancellationToken ct = default)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var links = await db.PartnershipAuthorities.AsNoTracking()
            .Where(pa => ids.Contains(pa.PartnershipId))
            .Select(pa => new { pa.PartnershipId, pa.LocalAuthority!.Id, pa.LocalAuthority.Name, pa.LocalAuthority.Kind, pa.LocalAuthority.CountryCode })
            .ToListAsync(ct).ConfigureAwait(false);
        var authorities = links.ToLookup(l => l.PartnershipId, l => new PartnerAuthority(l.Id, l.Name, l.Kind, l.CountryCode));
        var projectCounts = await db.Projects.AsNoTracking()
            .Where(p => p.PartnershipId != null && ids.Contains(p.PartnershipId.Value))
            .GroupBy(p => p.PartnershipId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);

        return rows.Select(r => new PartnershipItem(
            r.Id, r.Title, r.LegalFrame, r.SignedOn, r.SignedYear, r.Status, r.UpdatedAt,
            Ordered(authorities[r.Id]), projectCounts.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>French authorities first, then by name as a French reader sorts.</summary>
    public static IReadOnlyList<PartnerAuthority> Ordered(IEnumerable<PartnerAuthority> authorities) =>
        authorities.OrderBy(a => a.IsFrench ? 0 : 1).ThenBy(a => a.Name, French).ThenBy(a => a.Id).ToList();

    /// <summary>The theme's id and its descendants' ids.</summary>
    internal static int[] WithDescendants(int themeId, ReferenceCatalog.Snapshot reference) =>
        reference.ThemesById.Values.Where(t => reference.ThemePath(t.Id).Any(n => n.Id == themeId)).Select(t => t.Id).ToArray();
}
