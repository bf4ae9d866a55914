namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What every public record page shares (/projets/{id}, /partenariats/{id}, /collectivites/{id}, /postes/{id}): the notice of
/// an edit just saved, shown once, « Historique » for a signed-in editor and « Modifier » only for one whose scope covers the record.
/// </summary>
public abstract class RecordPageModel(EditorAccessor editors) : PageModel
{
    /// <summary>The confirmation of an edit just saved, shown once.</summary>
    [TempData]
    public string? Notice { get; set; }
    /// <summary>"Modifier" only for an editor whose scope covers the record.</summary>
    public bool MayEdit { get; private set; }
    /// <summary>A signed-in editor, who reads the record's history whatever their scope.</summary>
    public bool IsEditor { get; private set; }

    /// <summary>The signed-in editor (null for a visitor), with <see cref="MayEdit"/> asked of their scope.</summary>
    protected async Task<Editor?> EditorInScopeAsync(Func<Editor, Task<bool>> mayEdit)
    {
        ArgumentNullException.ThrowIfNull(mayEdit);
        if (editors.Current is not { } editor) return null;
        IsEditor = true;
        MayEdit = await mayEdit(editor);
        return editor;
    }
}
