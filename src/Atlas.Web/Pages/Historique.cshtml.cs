using Atlas.Core.Editing.Deletion;
using Atlas.Web.Pages.Projets;
using Atlas.Web.Pages.Supprimer;

namespace Atlas.Web.Pages;

/// <summary>
/// The history of a record, at /projets/{id}/historique, /partenariats/{id}/historique, /collectivites/{id}/historique and
/// /postes/{id}/historique: its saves, newest first, one entry per save (a save of the form writes one change record per
/// record it touched: a project's lines, a partnership's authorities…), in the form's words; and a comparison of two versions,
/// by default the last save's.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class HistoriqueModel(RecordHistoryQuery histories, ChangeHistoryQuery history, ReferenceCatalog catalog) : AccountPageModel
{
    /// <summary>The first segment of each history's address, and the record it is about.</summary>
    private static readonly Dictionary<string, RecordKind> Sections = new Dictionary<string, RecordKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["projets"] = RecordKind.Project,
        ["partenariats"] = RecordKind.Partnership,
        ["collectivites"] = RecordKind.Authority,
        ["postes"] = RecordKind.DiplomaticPost,
    };

    /// <summary>The record itself first in each save, then the records saved with it.</summary>
    private static readonly HashSet<string> Owners = RecordHistoryQuery.Kinds.Select(RecordKinds.HistoryName).ToHashSet(StringComparer.Ordinal);

    public RecordKind Kind { get; private set; }
    public int RecordId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<HistorySave> Saves { get; private set; } = [];
    /// <summary>The two points compared: a save's point (the version just after it), 0 for before the history, null for now.</summary>
    public long? From { get; private set; }
    public long? To { get; private set; }
    /// <summary>The differences between the two versions compared, by record; null when the history is empty.</summary>
    public IReadOnlyList<HistoryRecord>? Comparison { get; private set; }

    /// <summary>The record's public page.</summary>
    public string RecordUrl => RecordPages.PublicUrl(Kind, RecordId)!;

    /// <summary>« du projet », « du partenariat », « de la collectivité », « du poste diplomatique ».</summary>
    public string OfRecord => (RecordPages.IsFeminine(Kind) ? "de la " : "du ") + RecordKinds.Label(Kind);

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "de")] string? from, [FromQuery(Name = "a")] string? to, CancellationToken ct)
    {
        // One page for the four records: its address says which (see AtlasPortal's routes).
        var section = Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!Sections.TryGetValue(section, out var kind)) return NotFound();
        if (await histories.OfAsync(kind, id, ct) is not { } record) return NotFound();
        (Kind, RecordId, Title) = (kind, id, record.Title);
        var wording = new HistoryWording(record.Names, await catalog.GetAsync(ct));
        Saves = SavesOf(record.Changes, wording);
        if (record.Changes.Count == 0) return Page();

        // Without a choice, the last save is compared with the version before it: what the latest change did.
        var chosen = Request.Query.ContainsKey("de") || Request.Query.ContainsKey("a");
        From = chosen ? Point(from) : Saves.Count > 0 ? Saves[0].Previous : null;
        To = chosen ? Point(to) : null;
        var comparison = new List<HistoryRecord>();
        foreach (var (type, key) in record.Compared)
        {
            var differences = await history.CompareAsync(type, key, From, To, ct);
            if (differences is not { Count: > 0 }) continue;
            var fields = differences.Select(d => new FieldChange(d.Field, d.Before, d.After)).ToList();
            var shown = Fields(type, key, fields, wording);
            if (shown.Count > 0) comparison.Add(new HistoryRecord(ChangeAction.Updated, wording.Record(type, key, fields), shown));
        }
        Comparison = comparison;
        return Page();
    }

    /// <summary>The change records grouped by save (one save writes its records in one statement, with one time and author), newest first.</summary>
    private static List<HistorySave> SavesOf(IReadOnlyList<ChangeRecord> changes, HistoryWording wording)
    {
        var groups = new List<List<ChangeRecord>>();
        foreach (var change in changes)
        {
            if (groups.Count > 0 && groups[^1][0] is var first && first.At == change.At && first.UserId == change.UserId
                && first.UserName == change.UserName && first.ApprovedByName == change.ApprovedByName)
                groups[^1].Add(change);
            else
                groups.Add([change]);
        }
        return groups.Select((group, i) => new HistorySave(
                group.Max(c => c.Id),
                i + 1 < groups.Count ? groups[i + 1].Max(c => c.Id) : 0,
                group[0].At, group[0].UserName, group[0].ApprovedByName,
                group.OrderBy(c => Owners.Contains(c.EntityType) ? 0 : 1).ThenBy(c => c.Id)
                    .Select(c => new HistoryRecord(c.Action, wording.Record(c.EntityType, c.EntityId, c.Changes),
                        c.Action == ChangeAction.Updated ? Fields(c.EntityType, c.EntityId, c.Changes, wording) : []))
                    // A save that changed only the lines also leaves an empty record of the project (it marks the version for
                    // conflicts), and a line moved up leaves only its place: neither says anything on its own.
                    .Where(r => r.Action != ChangeAction.Updated || r.Fields.Count > 0)
                    .ToList()))
            .Where(s => s.Records.Count > 0)
            .ToList();
    }

    private static List<HistoryField> Fields(string type, string key, IReadOnlyList<FieldChange> fields, HistoryWording wording) => fields
        .Where(f => HistoryWording.Shows(type, f.Field))
        .Select(f => new HistoryField(f.Field, EditLabels.Field(f.Field),
            wording.Value(type, key, fields, f.Field, f.Old), wording.Value(type, key, fields, f.Field, f.New), HistoryWording.Words(f.Old, f.New)))
        .ToList();

    /// <summary>The versions one may compare: now, after each save, before the history.</summary>
    public IReadOnlyList<FieldOption> Points =>
    [
        new("", "Version actuelle"),
        .. Saves.Select(s => new FieldOption(s.Point.ToString(CultureInfo.InvariantCulture),
            $"Après l’enregistrement du {Format.Instant(s.At)} par {s.Author}")),
        new("0", "Avant le premier changement enregistré"),
    ];

    private static long? Point(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var point) ? point : null;
}
