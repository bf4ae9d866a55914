namespace Atlas.Core.Partnerships;

public sealed class PartnershipRecordQuery(AtlasDbContext db)
{
    private static readonly StringComparer French = FrenchOrder.Comparer;

    public async Task<PartnershipRecord?> GetAsync(int id, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        // Only an edit writes history; a partnership loaded and never changed has none (its UpdatedAt is the load's time).
        // The date of its last edit is read by the partnership's own statement rather than by one of its own: the page
        // ran one more command for it (7 instead of 6 since « Mis à jour le »).
        var key = id.ToString(CultureInfo.InvariantCulture);
        var linkPrefix = key + "/";
        string[] links = [RecordedTypes.NameOf<PartnershipAuthority>(), RecordedTypes.NameOf<PartnershipTheme>()];
        var partnershipName = RecordedTypes.NameOf<Partnership>();
        var found = await db.Partnerships.AsNoTracking().AsSplitQuery()
            .Include(p => p.Authorities).ThenInclude(a => a.LocalAuthority)
            .Include(p => p.Themes)
            .Include(p => p.Contacts).ThenInclude(c => c.LocalAuthority)
            .Include(p => p.Contacts).ThenInclude(c => c.Organisation)
            .Where(p => p.Id == id)
            .Select(p => new
            {
                Partnership = p,
                LastEditedAt = db.ChangeRecords
                    .Where(r => (r.EntityType == partnershipName && r.EntityId == key) || (links.Contains(r.EntityType) && r.EntityId.StartsWith(linkPrefix)))
                    .Max(r => (DateTimeOffset?)r.At),
            })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (found is null) return null;
        var (partnership, lastEditedAt) = (found.Partnership, found.LastEditedAt);
        partnership.Contacts = partnership.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
        partnership.Themes = partnership.Themes
            .Where(t => reference.ThemesById.ContainsKey(t.ThemeId))
            .OrderBy(t => string.Join('/', reference.ThemePath(t.ThemeId).Select(n => n.SortOrder.ToString("D3", CultureInfo.InvariantCulture))))
            .ToList();

        var authorities = PartnershipList.Ordered(partnership.Authorities.Select(a => a.LocalAuthority!)
            .Select(a => new PartnerAuthority(a.Id, a.Name, a.Kind, a.CountryCode)));

        var projects = await new ProjectSearch(db).SummariesAsync(
            db.Projects.AsNoTracking().Where(p => p.PartnershipId == id).OrderByDescending(p => p.StartYear).ThenBy(p => p.Title).ThenBy(p => p.Id),
            reference, ct).ConfigureAwait(false);

        return new PartnershipRecord(partnership, authorities, projects, lastEditedAt);
    }
}
