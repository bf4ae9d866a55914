namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What every edit, create, delete and review page shares: the version the form was loaded from, so that a change made over
/// someone else's is shown theirs instead of overwriting them; a refusal (403, the page says why); what someone else changed;
/// Core's field errors shown beside the fields that sent them.
/// </summary>
public abstract class EditPageModel : AccountPageModel
{
    [BindProperty]
    public uint Version { get; set; }

    public bool Denied { get; protected set; }

    /// <summary>What someone else changed since the version the person loaded, when their change was refused.</summary>
    public IReadOnlyList<string>? ConflictLines { get; protected set; }

    /// <summary>The page, answered 403, saying that this person may not do this.</summary>
    protected IActionResult Deny()
    {
        Denied = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>
    /// The form shown again from the version stored now, with what changed since the one it was loaded from; <paramref name="changedSince"/>
    /// when the history details nothing people read (only an order changed, or the change predates it).
    /// </summary>
    protected IActionResult Conflicted(uint currentVersion, IReadOnlyList<string> lines, string changedSince)
    {
        ModelState.Remove(nameof(Version));
        Version = currentVersion;
        ConflictLines = lines.Count > 0 ? lines : [changedSince];
        return Page();
    }

    /// <summary>Each of Core's errors beside the form's field that sent it (<paramref name="formField"/>: Core's key to the form's).</summary>
    protected void FieldErrors(EditResult.Invalid invalid, Func<string, string> formField)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        ArgumentNullException.ThrowIfNull(formField);
        foreach (var (field, errors) in invalid.Errors)
            foreach (var error in errors) ModelState.AddModelError(formField(field), error.Message);
    }
}
