using Atlas.Core.Freshness;

namespace Atlas.Web.Pages.Partenariats;

/// <summary>/partenariats/{id}: a partnership, its authorities on both sides, its themes and its projects.</summary>
public sealed class PartenariatsDetailModel(PartnershipRecordQuery records, ReferenceCatalog catalog, EditorAccessor editors, EditingScope scope, FreshnessRule freshness)
    : RecordPageModel(editors)
{
    /// <summary>The editor declares a new project as a draft for review (an authority editor) rather than publishing it.</summary>
    public bool DeclaresDrafts { get; private set; }
    public PartnershipRecord Record { get; private set; } = null!;
    /// <summary>Each theme as its path in the tree ("Développement urbain › Transports").</summary>
    public IReadOnlyList<string> Themes { get; private set; } = [];
    /// <summary>The labels the partnership's source gave its themes, where the tree names them otherwise.</summary>
    public ThemeOrigins ThemeOrigins { get; private set; } = new([], []);
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;
    /// <summary>Whether the page says that nobody has confirmed the partnership for too long.</summary>
    public FreshnessNotice Freshness { get; private set; } = null!;
    /// <summary>The partnership's own contacts, in their order.</summary>
    public IReadOnlyList<Atlas.Core.Contacts.Contact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var reference = Reference = await catalog.GetAsync(ct);
        var record = await records.GetAsync(id, reference, ct);
        if (record is null) return NotFound();
        Record = record;
        Freshness = FreshnessNotice.Of(freshness, record.Partnership.ConfirmedAt);
        Contacts = record.Partnership.Contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
        Themes = record.Partnership.Themes.Select(t => string.Join(" › ", reference.ThemePath(t.ThemeId).Select(n => n.Name))).ToList();
        ThemeOrigins = ThemeOrigins.ForPartnership(record.Partnership, reference);
        if (await EditorInScopeAsync(editor => scope.MayEditPartnershipAsync(editor, id, ct)) is { } editor)
            DeclaresDrafts = Drafts.DeclaresDrafts(editor);
        return Page();
    }
}
