using Atlas.Web.Pages.Projets;

namespace Atlas.Web.Pages.Relecture;

/// <summary>
/// The French words of the review pages: a diff's field as the form names it, its values as people read them, a change's status,
/// a time. A participant, volunteer or contact is named, and its values read, with the history's words (<see cref="HistoryWording"/>).
/// </summary>
public static class ReviewLabels
{
    public static string Field(FieldDiff diff, HistoryWording wording)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(wording);
        if (diff is { RecordType: { } type, Fields: { } fields }) return wording.Record(type, Key(diff), fields);
        return diff.Field switch
        {
            "themes" => "Thématiques",
            "authorities" => "Collectivités partenaires",
            "legalFrame" => "Cadre juridique",
            "signedOn" => "Date de signature",
            "signedYear" => "Année de signature",
            "domains" => "Domaines",
            "contacts" => "Contacts",
            _ when diff.Field.StartsWith("funding/", StringComparison.Ordinal) => diff.Line is { } line
                ? $"Lignes de financement — Ligne n° {line}"
                : "Lignes de financement — nouvelle ligne",
            _ => EditLabels.Field(diff.Field),
        };
    }

    /// <summary>The published value as people read it.</summary>
    public static string Current(FieldDiff diff, HistoryWording wording) => Side(diff, wording, proposed: false);

    /// <summary>The proposed value as people read it.</summary>
    public static string Proposed(FieldDiff diff, HistoryWording wording, string record = "project") => Side(diff, wording, proposed: true, record);

    /// <param name="record">The history's name of the record whose own fields the diff holds: « project », « partnership » for a declared one.</param>
    private static string Side(FieldDiff diff, HistoryWording wording, bool proposed, string record = "project")
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(wording);
        var value = proposed ? diff.Proposed : diff.Current;
        if (value is null) return "—";
        if (diff is { RecordType: { } type, Fields: { } fields })
        {
            // Each field the record has on that side, as the history words it: « Collectivité : Ville de Woippy · Rôle : Maître d'ouvrage ».
            return string.Join(" · ", fields
                .Where(f => HistoryWording.Shows(type, f.Field) && (proposed ? f.New : f.Old) is not null)
                .Select(f => $"{EditLabels.Field(f.Field)} : {wording.Value(type, Key(diff), fields, f.Field, proposed ? f.New : f.Old)}"));
        }
        // A record's own field (or its themes', a funding line's text) as the history words it: an amount « 85 000 € » in
        // the proposed currency, a status's name, a date in words, a currency as the form lists it.
        IReadOnlyList<FieldChange> currency = diff.Currency is { } code ? [new FieldChange("totalCostCurrency", null, code)] : [];
        return wording.Value(record, "", currency, diff.Field, value);
    }

    /// <summary>A record's key in the history: "7" for "project-participant/7", "new-1" for one the change adds.</summary>
    private static string Key(FieldDiff diff) => diff.Field[(diff.Field.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The words that changed, when the field (or a participant's, volunteer's or contact's values) is a long text.</summary>
    public static IReadOnlyList<DiffSegment>? Words(FieldDiff diff, HistoryWording wording)
    {
        if (diff is null || diff.Field.StartsWith("funding/", StringComparison.Ordinal)) return null;
        if (diff.RecordType is not null)
            return diff.Current is null || diff.Proposed is null ? null : HistoryWording.Words(Current(diff, wording), Proposed(diff, wording));
        return HistoryWording.Words(diff.Current, diff.Proposed);
    }

    public static string Status(PendingChangeStatus status) => status switch
    {
        PendingChangeStatus.Pending => "En attente de relecture",
        PendingChangeStatus.Approved => "Approuvée et publiée",
        PendingChangeStatus.SentBack => "Renvoyée pour correction",
        PendingChangeStatus.Draft => "Brouillon",
        _ => status.ToString(),
    };

    /// <summary>Where a declared project stands, as its author's space says it.</summary>
    public static string DraftStatus(PendingChangeStatus status) => status switch
    {
        PendingChangeStatus.Draft => "Brouillon",
        PendingChangeStatus.Pending => "En attente de relecture",
        PendingChangeStatus.Approved => "Approuvé et publié",
        PendingChangeStatus.SentBack => "Renvoyé pour correction",
        _ => status.ToString(),
    };

    /// <summary>« 6 décembre 2026 à 11 h 57 (heure de Paris) », as the history tells it.</summary>
    public static string Day(DateTimeOffset at) => Format.Instant(at);
}
