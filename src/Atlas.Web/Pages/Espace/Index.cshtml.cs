using Atlas.Core.Editing.Deletion;
using Atlas.Core.Freshness;
using Atlas.Core.Workspace;

namespace Atlas.Web.Pages.Espace;

/// <summary>
/// /espace, « Mon espace », where sign-in lands: the records of the editor's scope with their freshness (the least recently
/// confirmed first, filterable, each confirmed « toujours exact » in one click), the changes waiting for their review, their
/// own submissions and recent saves; an administrator's adds the accounts, the bin and the lists of records to look at.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class EspaceIndexModel(EditorAccessor editors, WorkspaceQuery workspace, ReviewQueue reviews, Drafts drafts, RecordFreshness freshness, FreshnessRule rule)
    : EditPageModel
{
    /// <summary>Words of a title (query parameter q).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    /// <summary>« projets », « partenariats » or nothing (query parameter type).</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Kind { get; set; }

    /// <summary>« anciennes » for the records not confirmed for too long only (query parameter fraicheur).</summary>
    [BindProperty(SupportsGet = true, Name = "fraicheur")]
    public string? FreshnessChoice { get; set; }

    public Editor? Editor { get; private set; }
    public WorkspaceRecords Records { get; private set; } = new([], 0, 0, 0);
    public int WaitingReviews { get; private set; }
    public IReadOnlyList<PendingChangeView> Submissions { get; private set; } = [];
    /// <summary>The new projects and partnerships an authority editor declared: drafts to finish or correct, submitted, approved.</summary>
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];
    public IReadOnlyList<WorkspaceChange> RecentChanges { get; private set; } = [];
    /// <summary>The freshness setting in words (« deux ans »).</summary>
    public string StalePeriod => rule.Period;
    public bool Filtered => !string.IsNullOrWhiteSpace(Words) || Kind is not null || FreshnessChoice is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        await LoadAsync(editor, ct);
        return Page();
    }

    /// <summary>« Toujours exact »: the record is confirmed as it stands, then the space is shown again with the same filter.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? kind, int id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        var recordKind = kind switch { "projet" => RecordKind.Project, "partenariat" => RecordKind.Partnership, _ => (RecordKind?)null };
        var result = recordKind is { } k ? await freshness.ConfirmAsync(editor, k, id, ct) : new EditResult.NotFound();
        switch (result)
        {
            case EditResult.Saved:
                Notice = recordKind == RecordKind.Project ? "Le projet est confirmé comme toujours exact." : "Le partenariat est confirmé comme toujours exact.";
                return RedirectToPage(new { q = Words, type = Kind, fraicheur = FreshnessChoice });
            case EditResult.Forbidden:
                return Deny();
            default:
                Notice = "Cette fiche n’existe plus.";
                return RedirectToPage(new { q = Words, type = Kind, fraicheur = FreshnessChoice });
        }
    }

    private async Task LoadAsync(Editor editor, CancellationToken ct)
    {
        Editor = editor;
        var filter = Filter();
        Records = await workspace.RecordsAsync(editor, filter, ct);
        WaitingReviews = await workspace.WaitingReviewCountAsync(editor, ct);
        if (editor.Role == EditorRole.AuthorityEditor)
        {
            Drafts = await drafts.OfAuthorAsync(editor, ct);
            // A declared project or partnership is listed once, with the drafts.
            Submissions = (await reviews.SubmittedByAsync(editor, ct)).Where(s => !s.IsDeclaration).ToList();
        }
        RecentChanges = await workspace.RecentChangesAsync(editor, ct);
    }

    /// <summary>The filter the query asks for; a value the page does not know is refused beside its field, and not applied.</summary>
    private WorkspaceFilter Filter()
    {
        var words = Words?.Trim();
        if (words is { Length: > WorkspaceFilter.MaxWordsLength })
        {
            ModelState.AddModelError("q", $"La recherche ne peut dépasser {WorkspaceFilter.MaxWordsLength} caractères.");
            words = null;
        }
        RecordKind? kind = null;
        switch (Kind)
        {
            case null or "": Kind = null; break;
            case "projets": kind = RecordKind.Project; break;
            case "partenariats": kind = RecordKind.Partnership; break;
            default: ModelState.AddModelError("type", "Choisissez « Projets », « Partenariats » ou « Tous »."); break;
        }
        var staleOnly = false;
        switch (FreshnessChoice)
        {
            case null or "": FreshnessChoice = null; break;
            case "anciennes": staleOnly = true; break;
            default: ModelState.AddModelError("fraicheur", "Choisissez « Toutes » ou « À confirmer »."); break;
        }
        return new WorkspaceFilter(string.IsNullOrEmpty(words) ? null : words, kind, staleOnly);
    }
}
