using System.Globalization;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Partnerships;

public sealed class PartnershipRecordQuery(AtlasDbContext db)
{
    private static readonly StringComparer French = FrenchOrder.Comparer;

    public async Task<PartnershipRecord?> GetAsync(int id, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var partnership = await db.Partnerships.AsNoTracking().AsSplitQuery()
            .Include(p => p.Authorities).ThenInclude(a => a.LocalAuthority)
            .Include(p => p.Themes)
            .Include(p => p.Contacts).ThenInclude(c => c.LocalAuthority)
            .Include(p => p.Contacts).ThenInclude(c => c.Organisation)
            .FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        if (partnership is null) return null;
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

        // Only an edit writes history; a partnership loaded and never changed has none (its UpdatedAt is the load's time).
        var key = id.ToString(CultureInfo.InvariantCulture);
        var linkPrefix = key + "/";
        string[] links = [RecordedTypes.NameOf<PartnershipAuthority>(), RecordedTypes.NameOf<PartnershipTheme>()];
        var partnershipName = RecordedTypes.NameOf<Partnership>();
        var lastEditedAt = await db.ChangeRecords
            .Where(r => (r.EntityType == partnershipName && r.EntityId == key) || (links.Contains(r.EntityType) && r.EntityId.StartsWith(linkPrefix)))
            .MaxAsync(r => (DateTimeOffset?)r.At, ct).ConfigureAwait(false);

        return new PartnershipRecord(partnership, authorities, projects, lastEditedAt);
    }
}
