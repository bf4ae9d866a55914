using Atlas.Core.Editing.Deletion;
using Atlas.Web.Pages.Supprimer;

namespace Atlas.Web.Pages.Admin.Corbeille;

/// <summary>/admin/corbeille: the deleted records, the latest first, each restorable with what was deleted along with it.</summary>
[Authorize(Policy = AtlasPolicies.Administrator)]
public sealed class AdminCorbeilleIndexModel(DeletedRecordsQuery query, RecordDeletion deletion, EditorAccessor editors) : AccountPageModel
{
    public IReadOnlyList<DeletedRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Records = await query.ListAsync(ct);

    public async Task<IActionResult> OnPostRestaurerAsync(RecordKind kind, int id, CancellationToken ct)
    {
        switch (await deletion.RestoreAsync(editors.Current!, kind, id, ct))
        {
            case DeletionResult.Done:
                var label = RecordKinds.Label(kind);
                TempData[nameof(Notice)] = $"{char.ToUpperInvariant(label[0])}{label[1..]} {RecordPages.Agreed(kind, "restauré")} : " +
                    $"{(RecordPages.IsFeminine(kind) ? "elle" : "il")} est de nouveau visible sur le site public, avec ce qui avait été supprimé en même temps.";
                return Redirect("/admin/corbeille");
            case DeletionResult.Blocked blocked:
                FormError(blocked.Message);
                break;
            case DeletionResult.Forbidden:
                return Forbid();
            default:
                FormError("Cet élément n'est plus dans la corbeille.");
                break;
        }
        Records = await query.ListAsync(ct);
        return Page();
    }
}
