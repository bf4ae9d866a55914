namespace Atlas.Core.Partnerships;

/// <summary>What the partnership's edit form and write API read: the partnership with its links, and the authorities it has now.</summary>
public sealed class PartnershipEditQuery(AtlasDbContext db)
{
    /// <summary>The partnership with its authorities, themes and (for the form) contacts: everything <see cref="PartnershipValues.Of"/> reads.</summary>
    public Task<Partnership?> EditableAsync(int id, bool withContacts, CancellationToken ct)
    {
        IQueryable<Partnership> partnerships = db.Partnerships.AsNoTracking().AsSplitQuery().Include(p => p.Authorities).Include(p => p.Themes);
        return (withContacts ? partnerships.Include(p => p.Contacts) : partnerships).SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The ids of the authorities the partnership has as stored.</summary>
    public async Task<IReadOnlyList<int>> AuthorityIdsAsync(int id, CancellationToken ct) =>
        await db.PartnershipAuthorities.Where(pa => pa.PartnershipId == id).Select(pa => pa.LocalAuthorityId).ToListAsync(ct).ConfigureAwait(false);
}
