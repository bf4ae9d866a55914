namespace Atlas.Core.Authorities;

public sealed class AuthorityRecordQuery(AtlasDbContext db, PartnershipList partnerships)
{
    public async Task<AuthorityRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        var authority = await db.LocalAuthorities.AsNoTracking()
            .Include(a => a.Country).Include(a => a.Region).Include(a => a.Department!).ThenInclude(d => d.Region)
            .Include(a => a.Contacts.Where(c => c.ProjectId == null && c.PartnershipId == null).OrderBy(c => c.SortOrder))
            .FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (authority is null) return null;

        var rows = await PartnershipList.Rows(db.Partnerships.AsNoTracking().Where(p => p.Authorities.Any(a => a.LocalAuthorityId == id)))
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false);

        var counts = await db.Projects.AsNoTracking()
            .Where(ArrayColumns.Holds<Project, int>(p => p.AuthorityIds, id))
            .GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct).ConfigureAwait(false);

        return new AuthorityRecord(authority, await partnerships.ItemsAsync(rows, ct).ConfigureAwait(false), counts);
    }
}
