using System.Text.RegularExpressions;

namespace Atlas.Core.Authorities;

/// <summary>Finds local authorities, French or foreign, by filter, a keyset page at a time.</summary>
public sealed class AuthorityList(AtlasDbContext db)
{
    public static readonly IReadOnlyDictionary<string, SortField<AuthorityRow>> Sorts = new Dictionary<string, SortField<AuthorityRow>>
    {
        ["id"] = SortField.By<AuthorityRow, int>("id", r => r.Id, r => r.Id),
        ["name"] = SortField.By<AuthorityRow, string>("name", r => r.Name, r => r.Id),
        ["population"] = SortField.By<AuthorityRow, int>("population", r => r.Population ?? 0, r => r.Id),
    };

    public Task<KeysetPage<AuthorityRow>> ListAsync(AuthorityFilter filter, ListRequest request, CancellationToken ct = default) =>
        Rows(Filtered(db, filter)).PageAsync(Sorts, request, ct);

    /// <summary>The authorities a (validated) filter matches, unordered.</summary>
    public static IQueryable<LocalAuthority> Filtered(AtlasDbContext db, AuthorityFilter f)
    {
        var authorities = db.LocalAuthorities.AsNoTracking();
        foreach (var pattern in NameTerms.Patterns(f.Query))
            authorities = authorities.Where(a => Regex.IsMatch(
                AtlasDbFunctions.AuthorityNames(a.Name, a.AlternateNames), AtlasDbFunctions.Unaccent(pattern), RegexOptions.IgnoreCase));
        if (f.Country is { } country) authorities = authorities.Where(a => a.CountryCode == country);
        if (f.Kind is { } kind) authorities = authorities.Where(a => a.Kind == kind);
        if (f.Region is { } region) authorities = authorities.Where(a => a.RegionCode == region || a.Department!.RegionCode == region);
        if (f.Department is { } department) authorities = authorities.Where(a => a.DepartmentCode == department);
        return authorities;
    }

    public static IQueryable<AuthorityRow> Rows(IQueryable<LocalAuthority> authorities) => authorities.Select(a => new AuthorityRow
    {
        Id = a.Id,
        Name = a.Name,
        Kind = a.Kind,
        CountryCode = a.CountryCode,
        RegionCode = a.RegionCode ?? a.Department!.RegionCode,
        DepartmentCode = a.DepartmentCode,
        Population = a.Population,
        PopulationYear = a.PopulationYear,
        // The stored count (migration 0020): the same figure, without a count of links per row listed or sorted.
        PartnershipCount = a.PartnershipCount,
        UpdatedAt = a.UpdatedAt,
    });
}
