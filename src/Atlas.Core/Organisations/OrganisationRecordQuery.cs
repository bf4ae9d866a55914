namespace Atlas.Core.Organisations;

public sealed class OrganisationRecordQuery(AtlasDbContext db)
{
    public async Task<OrganisationRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Country)
            .FirstOrDefaultAsync(o => o.Id == id, ct).ConfigureAwait(false);
        if (organisation is null) return null;

        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.Participants.Any(pp => pp.OrganisationId == id) || p.Fundings.Any(f => f.FunderOrganisationId == id))
            .OrderByDescending(p => p.StartYear).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.StartYear,
                Roles = p.Participants.Where(pp => pp.OrganisationId == id).OrderBy(pp => pp.SortOrder).Select(pp => pp.Role).ToList(),
                Funds = p.Fundings.Any(f => f.FunderOrganisationId == id),
            })
            .ToListAsync(ct).ConfigureAwait(false);

        return new OrganisationRecord(organisation,
            rows.Select(r => new OrganisationProject(r.Id, r.Title, r.Status, r.StartYear, r.Roles.Distinct().ToList(), r.Funds)).ToList());
    }
}
