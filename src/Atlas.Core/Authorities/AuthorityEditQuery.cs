namespace Atlas.Core.Authorities;

/// <summary>What the authority's edit form, its write API and its IATI file read of it.</summary>
public sealed class AuthorityEditQuery(AtlasDbContext db)
{
    /// <summary>The authority with its country and (for the form) its contacts.</summary>
    public Task<LocalAuthority?> EditableAsync(int id, bool withContacts, CancellationToken ct)
    {
        IQueryable<LocalAuthority> authorities = db.LocalAuthorities.AsNoTracking().Include(a => a.Country);
        return (withContacts ? authorities.Include(a => a.Contacts) : authorities).SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.LocalAuthorities.AnyAsync(a => a.Id == id, ct);
}
