namespace Atlas.Core.DiplomaticPosts;

/// <summary>A diplomatic post with the countries it covers (with their names) and its contacts in order.</summary>
public sealed class DiplomaticPostQuery(AtlasDbContext db)
{
    public Task<DiplomaticPost?> GetAsync(int id, CancellationToken ct = default) =>
        Posts(db).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The posts following a country (one at most today), by name.</summary>
    public async Task<IReadOnlyList<DiplomaticPost>> ForCountryAsync(string code, CancellationToken ct = default)
    {
        code = code.ToUpperInvariant();
        return await Posts(db).Where(p => p.Countries.Any(c => c.CountryCode == code)).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .ToListAsync(ct).ConfigureAwait(false);
    }

    internal static IQueryable<DiplomaticPost> Posts(AtlasDbContext db) => db.DiplomaticPosts.AsNoTracking().AsSplitQuery()
        .Include(p => p.Countries.OrderBy(c => c.CountryCode)).ThenInclude(c => c.Country)
        .Include(p => p.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id));
}
