using Atlas.Core.Editing.Deletion;

namespace Atlas.Core.Editing;

/// <summary>
/// The history of a project, a partnership, an authority or a diplomatic post, with the records its form saves along with it:
/// one reading for the four history pages.
/// </summary>
public sealed class RecordHistoryQuery(AtlasDbContext db, ChangeHistoryQuery history, ProjectEditQuery projects)
{
    /// <summary>The kinds that have a history page.</summary>
    public static readonly IReadOnlyList<RecordKind> Kinds = [RecordKind.Project, RecordKind.Partnership, RecordKind.Authority, RecordKind.DiplomaticPost];

    private static readonly string PartnershipAuthorityType = RecordedTypes.NameOf<PartnershipAuthority>();
    private static readonly string PartnershipThemeType = RecordedTypes.NameOf<PartnershipTheme>();
    private static readonly string PostCountryType = RecordedTypes.NameOf<DiplomaticPostCountry>();
    private static readonly string ContactType = RecordedTypes.NameOf<Contact>();
    private static readonly string FundingType = RecordedTypes.NameOf<Funding>();

    /// <summary>The record's history; null when there is no such live record (or the kind has no history page).</summary>
    public async Task<RecordHistory?> OfAsync(RecordKind kind, int id, CancellationToken ct = default)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var type = RecordKinds.HistoryName(kind);
        if (kind == RecordKind.Project)
        {
            if (await projects.TitleAsync(id, ct).ConfigureAwait(false) is not { } title) return null;
            var changes = await history.OfProjectAsync(id, ct).ConfigureAwait(false);
            var fundings = await projects.FundingIdsAsync(id, ct).ConfigureAwait(false);
            // Lines loaded before the history began compare too: the live ones are looked at whether they changed or not.
            var lines = fundings.Select(f => (FundingType, f.ToString(CultureInfo.InvariantCulture)));
            return new RecordHistory(title, changes, await projects.HistoryNamesAsync(id, changes, ct).ConfigureAwait(false), Compared(type, key, changes, lines));
        }

        var (found, links, contacts) = kind switch
        {
            RecordKind.Partnership => (await db.Partnerships.Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct).ConfigureAwait(false),
                new[] { PartnershipAuthorityType, PartnershipThemeType },
                db.Contacts.IgnoreQueryFilters().Where(c => c.PartnershipId == id)),
            RecordKind.Authority => (await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(ct).ConfigureAwait(false),
                [], db.Contacts.IgnoreQueryFilters().Where(c => c.LocalAuthorityId == id)),
            RecordKind.DiplomaticPost => (await db.DiplomaticPosts.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct).ConfigureAwait(false),
                new[] { PostCountryType }, db.Contacts.IgnoreQueryFilters().Where(c => c.DiplomaticPostId == id)),
            _ => (null, [], db.Contacts.Where(c => false)),
        };
        if (found is null) return null;
        // Its contacts, removed ones too: their changes are the record's, made in its form.
        var contactKeys = (await contacts.Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false))
            .Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList();
        var linkKey = key + "/%";
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == key
                || links.Contains(r.EntityType) && EF.Functions.Like(r.EntityId, linkKey)
                || r.EntityType == ContactType && contactKeys.Contains(r.EntityId))
            .OrderByDescending(r => r.Id)
            .ToListAsync(ct).ConfigureAwait(false);
        // A partnership's authority is named by its key ("{partnership}/{authority}"), which the recorded fields leave out.
        var linked = records.Where(r => r.EntityType == PartnershipAuthorityType)
            .Select(r => new FieldChange("localAuthorityId", null, r.EntityId.Split('/').Last()));
        var names = await HistoryNameLookup.LoadAsync(db, records.SelectMany(r => r.Changes).Concat(linked), ct).ConfigureAwait(false);
        return new RecordHistory(found, records, names, Compared(type, key, records, contactKeys.Select(c => (ContactType, c))));
    }

    /// <summary>The record itself, every record its history names, and <paramref name="others"/>, once each.</summary>
    private static List<(string Type, string Key)> Compared(string type, string key, IEnumerable<ChangeRecord> changes, IEnumerable<(string, string)> others) =>
        new[] { (type, key) }.Concat(changes.Select(c => (c.EntityType, c.EntityId))).Concat(others).Distinct().ToList();
}
