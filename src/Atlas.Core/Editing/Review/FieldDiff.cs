namespace Atlas.Core.Editing.Review;

/// <summary>
/// One field a pending change would change: a project's own by name ("title", as the history names it), "themes", a funding
/// line as "funding/12" (an added one as "funding/new-1"), a participant, volunteer or contact as its history type and key
/// ("project-participant/7", "volunteer/new-1"); the values as text (null: none). <paramref name="Line"/>: a line's number as
/// the form shows it (« Ligne n° 2 »); <paramref name="Currency"/>: an amount's currency.
/// </summary>
public sealed record FieldDiff(string Field, string? Current, string? Proposed, int? Line = null, string? Currency = null)
{
    /// <summary>
    /// For a participant, volunteer or contact: its type as the history names it ("project-participant", "volunteer", "contact"),
    /// so that the pages name it and its values with the history's words; null for a project's own field, its themes or a funding line.
    /// </summary>
    public string? RecordType { get; init; }

    /// <summary>That record's fields as the history writes them (ids, codes), published (old) and proposed (new); null otherwise.</summary>
    public IReadOnlyList<FieldChange>? Fields { get; init; }
}
