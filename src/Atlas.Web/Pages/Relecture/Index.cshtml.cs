using Atlas.Web.Pages.Projets;

namespace Atlas.Web.Pages.Relecture;

/// <summary>
/// /relecture: the changes authority editors submitted on projects in the reviewer's scope (a correspondent's countries; all for
/// an administrator), each with what it changes, to approve (published as the reviewer) or send back with a comment.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class RelectureIndexModel(EditorAccessor editors, ReviewQueue queue, ReferenceCatalog catalog, ProjectEditQuery projects) : EditPageModel
{
    public IReadOnlyList<PendingChangeView> Changes { get; private set; } = [];
    /// <summary>The change whose send-back was refused for want of a comment, with that error.</summary>
    public long? CommentFor { get; private set; }
    public string? CommentError { get; private set; }

    private ReferenceCatalog.Snapshot? _reference;

    /// <summary>The history's words for a change's diff: its participants, volunteers and contacts named as the history names them.</summary>
    public HistoryWording Wording(PendingChangeView change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new HistoryWording(change.Names, _reference ?? throw new InvalidOperationException("The changes are not loaded."));
    }

    private async Task LoadAsync(Editor editor, CancellationToken ct)
    {
        Changes = await queue.PendingAsync(editor, ct);
        _reference = await catalog.GetAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (editor.Role == EditorRole.AuthorityEditor) return Redirect("/relecture/mes-soumissions");
        await LoadAsync(editor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        switch (await queue.ApproveAsync(editor, id, ct))
        {
            case EditResult.Saved:
                Notice = "La modification est approuvée et publiée.";
                return RedirectToPage();
            case EditResult.Created:
                var published = await queue.PublishedPathAsync(id, ct);
                Notice = published?.StartsWith("/partenariats/", StringComparison.Ordinal) == true
                    ? "Le partenariat est approuvé : il est créé et publié."
                    : "Le projet est approuvé : il est créé et publié.";
                return Redirect(published ?? "/relecture");
            case EditResult.Conflict conflict:
                FormError("Le projet a été modifié depuis que cette modification a été soumise : rien n'a été publié.");
                await LoadAsync(editor, ct);
                // The change is still pending, in the queue just read: its project names the conflict's records.
                if (conflict.Changes.Count > 0 && Changes.FirstOrDefault(c => c.Id == id)?.ProjectId is { } project)
                    ConflictLines = await HistoryWording.ConflictAsync(projects, catalog, project, conflict.Changes, ct);
                return Page();
            case EditResult.Invalid invalid:
                FormError("Cette modification ne respecte plus les règles de saisie : "
                    + string.Join(" ", invalid.Errors.SelectMany(e => e.Value).Select(e => e.Message)));
                break;
            case var refused:
                return Refused(refused);
        }
        await LoadAsync(editor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendBackAsync(long id, string? comment, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        switch (await queue.SendBackAsync(editor, id, comment, ct))
        {
            case EditResult.Saved:
                Notice = "La modification est renvoyée à son auteur avec votre commentaire.";
                return RedirectToPage();
            case EditResult.Invalid invalid:
                CommentFor = id;
                CommentError = invalid.Errors.SelectMany(e => e.Value).First().Message;
                FormError("La modification n'a pas été renvoyée : " + CommentError);
                break;
            case var refused:
                return Refused(refused);
        }
        await LoadAsync(editor, ct);
        return Page();
    }

    private IActionResult Refused(EditResult result)
    {
        if (result is not EditResult.Forbidden)
        {
            Notice = "Cette modification n'est plus en attente de relecture.";
            return RedirectToPage();
        }
        return Deny();
    }
}
