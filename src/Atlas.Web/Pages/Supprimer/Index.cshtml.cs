using Atlas.Core.Editing.Deletion;

namespace Atlas.Web.Pages.Supprimer;

/// <summary>
/// /supprimer/{type}/{id}: asks an editor to confirm the deletion of a record, then deletes it softly (an administrator can
/// restore it from /admin/corbeille). The form carries the version shown, so that a record changed meanwhile is not deleted unseen.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class SupprimerIndexModel(DeletedRecordsQuery records, RecordDeletion deletion, EditorAccessor editors) : EditPageModel
{
    public RecordKind Kind { get; private set; }
    public RecordTitle Record { get; private set; } = null!;
    public string? PublicUrl => RecordPages.PublicUrl(Kind, Id);
    public int Id { get; private set; }
    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken ct)
    {
        if (await PrepareAsync(type, id, ct) is { } missing) return missing;
        // Refused as the POST would be: the form is never offered to whoever may not use it.
        if (!await deletion.MayDeleteAsync(editors.Current!, Kind, id, ct)) return Deny();
        Version = Record.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, int id, CancellationToken ct)
    {
        if (await PrepareAsync(type, id, ct) is { } missing) return missing;
        switch (await deletion.DeleteAsync(editors.Current!, Kind, id, Version, ct))
        {
            case DeletionResult.Done:
                Deleted = true;
                return Page();
            case DeletionResult.Forbidden:
                return Deny();
            case DeletionResult.Blocked blocked:
                FormError(blocked.Message);
                return Page();
            case DeletionResult.Conflict conflict:
                Version = conflict.Changes.CurrentVersion;
                ModelState.Remove(nameof(Version));
                var authors = string.Join(", ", conflict.Changes.Changes.Select(c => c.UserName).Distinct(StringComparer.Ordinal));
                FormError($"{Capitalised(RecordPages.This(Kind))} a été {RecordPages.Agreed(Kind, "modifié")}{(authors.Length > 0 ? " par " + authors : "")} " +
                    "depuis que vous avez ouvert cette page. Vérifiez la fiche, puis confirmez à nouveau la suppression si vous la voulez toujours.");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> PrepareAsync(string type, int id, CancellationToken ct)
    {
        if (!RecordPages.TryParse(type, out var kind)) return NotFound();
        Kind = kind;
        Id = id;
        if (await records.LiveAsync(kind, id, ct) is not { } record) return NotFound();
        Record = record;
        return null;
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
