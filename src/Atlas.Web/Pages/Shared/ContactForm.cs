namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the forms that edit contacts share (an authority's, a post's): the rows shown, the lines sent to Core, an error of line
/// n shown beside the row it came from, and the lines of a conflict.
/// </summary>
public static class ContactForm
{
    /// <summary>How many blank rows a form offers for new contacts.</summary>
    public const int BlankRows = 2;

    public static readonly IReadOnlyList<FieldOption> RoleOptions =
        Enum.GetValues<ContactRole>().Select(r => new FieldOption(EnumCode<ContactRole>.ToCode(r), Labels.Role(r))).ToList();

    /// <summary>The rows of a form: the contacts as they stand, then blank rows for new ones.</summary>
    public static List<ContactRow> Rows(IEnumerable<ContactValues> contacts) =>
        [.. contacts.Select(ContactRow.Of), .. Enumerable.Range(0, BlankRows).Select(_ => new ContactRow())];

    /// <summary>The lines a form keeps (rows neither blank nor ticked for removal), each with the row it came from.</summary>
    public static List<(int Row, ContactValues Values)> Lines(IReadOnlyList<ContactRow> rows) =>
        rows.Select((row, i) => (Index: i, Row: row)).Where(r => !r.Row.Remove && !r.Row.IsBlank)
            .Select(r => (r.Index, r.Row.ToValues())).ToList();

    /// <summary>Where a form shows an error of Core's: "Contacts[1].Email" beside the row line 1 came from, any other field beside <c>{prefix}.{field}</c>.</summary>
    public static string FormField(string field, IReadOnlyList<(int Row, ContactValues Values)> lines, string prefix) =>
        FieldPath.Of(field) switch
        {
            { Name: nameof(IHasContactLines.Contacts), Index: { } line, Member: { } member } =>
                $"{nameof(IHasContactLines.Contacts)}[{lines[line].Row}].{(member == nameof(ContactValues.Id) ? nameof(ContactRow.LastName) : member)}",
            // A rule on the whole list (a contact listed twice) is told above the form.
            { Name: nameof(IHasContactLines.Contacts), Index: null } => "",
            _ => $"{prefix}.{field}",
        };

    /// <summary>
    /// A conflict's changes, one line per field: the record's own with <paramref name="ownLabel"/> and <paramref name="ownValue"/>,
    /// its contacts and other lines by record, each with the value it has now (the last one saved).
    /// </summary>
    public static IReadOnlyList<string> Conflict(IReadOnlyList<ChangedField> changes, string ownType,
        Func<string, string> ownLabel, Func<string, string?, string> ownValue) => changes
        .Where(c => c.Field is not "sortOrder")
        .GroupBy(c => c.Path, StringComparer.Ordinal)
        .Select(g => g.Last())
        .Where(c => c.EntityType != ownType || c.Field is not null)
        .Select(c => c.EntityType == ownType
            ? $"{ownLabel(c.Field!)} : maintenant « {ownValue(c.Field!, c.New)} » (modifié par {c.UserName})"
            : c.Field is null
                ? $"{Record(c.EntityType, c.EntityId)} : {Action(c.Action)} par {c.UserName}"
                : $"{Record(c.EntityType, c.EntityId)} — {Projets.EditLabels.Field(c.Field)} : maintenant « {ContactValue(c.Field, c.New)} » (modifié par {c.UserName})")
        .ToList();

    private static string Record(string entityType, string entityId) => entityType switch
    {
        "contact" => $"Contact n° {entityId}",
        "diplomatic-post-country" => $"Pays couvert {entityId.Split('/').Last()}",
        _ => $"{entityType} {entityId}",
    };

    private static string Action(ChangeAction action) => action switch
    {
        ChangeAction.Created => "ajouté",
        ChangeAction.Deleted => "retiré",
        ChangeAction.Restored => "restauré",
        _ => "modifié",
    };

    private static string ContactValue(string field, string? value) => (field, value) switch
    {
        (_, null) => "(vide)",
        ("role", _) when EnumCode<ContactRole>.TryParse(value, out var role) => Labels.Role(role),
        _ => value,
    };
}
