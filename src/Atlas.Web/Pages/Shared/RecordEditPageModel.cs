namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the edit forms of a record with contacts share (an authority's, a post's): the version the form was loaded from, so
/// that a save made over someone else's is shown their changes instead of overwriting them (<see cref="EditPageModel"/>); the
/// contact rows; and what each outcome of a save shows.
/// </summary>
public abstract class RecordEditPageModel : EditPageModel
{
    [BindProperty]
    public List<ContactRow> Contacts { get; set; } = [];

    /// <summary>Above the form when nothing was saved: "Le poste n'a pas été enregistré : corrigez les champs signalés."</summary>
    protected abstract string NotSaved { get; }
    /// <summary>A conflict the history cannot detail: "Le poste a été modifié depuis que vous avez ouvert ce formulaire."</summary>
    protected abstract string ChangedSince { get; }
    /// <summary>The record's type in the history ("diplomatic-post").</summary>
    protected abstract string RecordType { get; }
    /// <summary>The French label of one of the record's own fields, as the history names it ("city").</summary>
    protected abstract string Label(string field);
    /// <summary>A value of one of the record's own fields as people read it.</summary>
    protected virtual string Shown(string field, string? value) => value ?? "(vide)";

    /// <summary>Where the form shows an error of Core's: a contact line's beside its row, any other beside <c>Values.{field}</c>.</summary>
    protected virtual string FormField(string field, IReadOnlyList<(int Row, ContactValues Values)> lines) => ContactForm.FormField(field, lines, "Values");

    /// <summary>What a save shows: the record's page with a notice, the errors beside the fields, what someone else changed, a refusal.</summary>
    protected IActionResult Outcome(EditResult result, IReadOnlyList<(int Row, ContactValues Values)> contacts, string savedUrl)
    {
        switch (result)
        {
            case EditResult.Saved:
                TempData[nameof(Notice)] = "Vos modifications ont été enregistrées.";
                return Redirect(savedUrl);
            case EditResult.Created created:
                TempData[nameof(Notice)] = "L'enregistrement a été créé.";
                return Redirect(savedUrl.Replace("{id}", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            case EditResult.Invalid invalid:
                FieldErrors(invalid, field => FormField(field, contacts));
                return Invalid();
            case EditResult.Conflict conflict:
                return Conflicted(conflict.CurrentVersion, ContactForm.Conflict(conflict.Changes, RecordType, Label, Shown), ChangedSince);
            case EditResult.Forbidden:
                return Deny();
            default:
                return NotFound();
        }
    }

    protected IActionResult Invalid()
    {
        FormError(NotSaved);
        return Page();
    }
}
