namespace Atlas.Core.Authorities;

public sealed class AuthorityProfileQuery(AtlasDbContext db)
{
    public async Task<AuthorityProfile?> GetAsync(int id, CancellationToken ct = default)
    {
        var authority = await db.LocalAuthorities.AsNoTracking()
            .Include(a => a.Country).Include(a => a.Region).Include(a => a.Department)
            .Include(a => a.Contacts.Where(c => c.ProjectId == null && c.PartnershipId == null).OrderBy(c => c.SortOrder))
            .FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (authority is null) return null;

        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.Authorities.Any(a => a.LocalAuthorityId == id))
            .OrderBy(p => p.Title)
            .Select(p => new PartnershipSummary(
                p.Id, p.Title, p.Status, p.SignedYear,
                p.Authorities.Select(a => a.LocalAuthority!).OrderBy(a => a.CountryCode == CountryCodes.France ? 0 : 1).ThenBy(a => a.Name).ToList(),
                p.Projects.Count))
            .ToListAsync(ct).ConfigureAwait(false);

        var projects = await db.Projects.AsNoTracking()
            .Where(ArrayColumns.Holds<Project, int>(p => p.AuthorityIds, id))
            .OrderByDescending(p => p.StartYear).ThenBy(p => p.Title)
            .Select(p => new AuthorityProject(p.Id, p.Title, p.Status, p.StartYear, p.Partnership != null ? p.Partnership.Title : null))
            .ToListAsync(ct).ConfigureAwait(false);

        return new AuthorityProfile(authority, partnerships, projects);
    }
}
