using Atlas.Core.Data;
using Atlas.Core.Figures;
using Atlas.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Authorities;

/// <summary>
/// The /collectivites directory: the authorities of a filter (the API list's <see cref="AuthorityFilter"/>), a numbered
/// page at a time, with the count of each value of the country, kind, region and département selects. Each facet is
/// counted with every filter but its own, so that a select shows what choosing another value would give. Six commands
/// (count, page, four facets) whatever the size of the data, a seventh for the suggestions of a search that found nothing.
/// A select that no other filter narrows counts every authority: those counts are the stored ones (<see cref="CountSnapshots"/>),
/// one read for all of them instead of a pass over every authority each (1.38 M at scale 100); the unfiltered directory
/// is then three commands: the count (stopped at the exact-count limit), the page (a walk of the (name, id) index), the
/// stored counts.
/// </summary>
public sealed class AuthorityDirectory(AtlasDbContext db, AuthoritySuggestionQuery suggestions, CountSnapshots snapshots)
{
    /// <summary>The ICU collation of French order (Cléon before Clichy, Saint-Étienne before Saint-Germain-en-Laye), built into PostgreSQL.</summary>
    public const string FrenchCollation = "fr-x-icu";

    public const int SuggestionCount = 5;

    public async Task<AuthorityDirectoryPage> GetAsync(AuthorityFilter filter, AuthorityDirectorySort sort, int offset, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matching = AuthorityList.Filtered(db, filter);
        var (total, exact) = await ExactCountLimit.Default.CountAsync(matching, ct).ConfigureAwait(false);
        var items = total == 0 || limit <= 0
            ? []
            : await Ordered(AuthorityList.Rows(matching), sort).Skip(offset).Take(limit).ToListAsync(ct).ConfigureAwait(false);

        AtlasCounts? stored = null;
        if (Unnarrowed(filter with { Country = null }) || Unnarrowed(filter with { Kind = null })
            || Unnarrowed(filter with { Region = null }) || Unnarrowed(filter with { Department = null }))
            stored = await snapshots.GetAsync(ct).ConfigureAwait(false);

        var countries = Unnarrowed(filter with { Country = null })
            ? stored!.AuthoritiesByCountry
            : await CountAsync(AuthorityList.Filtered(db, filter with { Country = null }).Select(a => a.CountryCode), ct).ConfigureAwait(false);
        IReadOnlyDictionary<AuthorityKind, int> kinds = Unnarrowed(filter with { Kind = null })
            ? stored!.AuthoritiesByKind.Where(k => EnumCode<AuthorityKind>.TryParse(k.Key, out _))
                .ToDictionary(k => EnumCode<AuthorityKind>.Parse(k.Key), k => k.Value)
            : await AuthorityList.Filtered(db, filter with { Kind = null })
                .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
        var regions = Unnarrowed(filter with { Region = null })
            ? stored!.AuthoritiesByRegion
            : await CountAsync(AuthorityList.Filtered(db, filter with { Region = null })
                .Select(a => a.RegionCode ?? a.Department!.RegionCode).Where(r => r != null).Select(r => r!), ct).ConfigureAwait(false);
        var departments = Unnarrowed(filter with { Department = null })
            ? stored!.AuthoritiesByDepartment
            : await CountAsync(AuthorityList.Filtered(db, filter with { Department = null })
                .Where(a => a.DepartmentCode != null).Select(a => a.DepartmentCode!), ct).ConfigureAwait(false);

        // A name that finds nothing may be misspelt: the typo-tolerant look-up of the API's suggestions says what it resembles.
        IReadOnlyList<AuthoritySuggestion> similar = [];
        if (total == 0 && filter.Query is { } typed && typed.Trim().Length is >= 2 and <= AuthoritySuggestionQuery.MaxLength)
            similar = await suggestions.SuggestAsync(typed.Trim(), SuggestionCount, ct).ConfigureAwait(false);

        return new AuthorityDirectoryPage(items, total, exact, new AuthorityFacets(countries, kinds, regions, departments), similar);
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

    /// <summary>The filter keeps every authority (a name of no word filters nothing, as <see cref="AuthorityList.Filtered"/> reads it).</summary>
    private static bool Unnarrowed(AuthorityFilter f) =>
        NameTerms.Patterns(f.Query).Count == 0 && f.Country is null && f.Kind is null && f.Region is null && f.Department is null;

    private static async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<string> codes, CancellationToken ct) =>
        await codes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);
}
