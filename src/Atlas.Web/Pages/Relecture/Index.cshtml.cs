using Atlas.Web.Pages.Projets;

namespace Atlas.Web.Pages.Relecture;

/// <summary>
/// /relecture: the changes authority editors submitted on projects in the reviewer's scope (a correspondent's countries; all for
/// an administrator), each with what it changes, to approve (published as the reviewer) or send back with a comment.
/// </summary>
[Authorize(Policy = AtlasPolicies.Editor)]
public sealed class RelectureIndexModel(EditorAccessor editors, ReviewQueue queue) : EditPageModel
{
    public IReadOnlyList<PendingChangeView> Changes { get; private set; } = [];
    /// <summary>The change whose send-back was refused for want of a comment, with that error.</summary>
    public long? CommentFor { get; private set; }
    public string? CommentError { get; private set; }

    private ReviewQueue Queue => queue;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        if (editor.Role == EditorRole.AuthorityEditor) return Redirect("/relecture/mes-soumissions");
        Changes = await Queue.PendingAsync(editor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        switch (await Queue.ApproveAsync(editor, id, ct))
        {
            case EditResult.Saved:
                Notice = "La modification est approuvée et publiée.";
                return RedirectToPage();
            case EditResult.Created:
                var published = await Queue.PublishedPathAsync(id, ct);
                Notice = published?.StartsWith("/partenariats/", StringComparison.Ordinal) == true
                    ? "Le partenariat est approuvé : il est créé et publié."
                    : "Le projet est approuvé : il est créé et publié.";
                return Redirect(published ?? "/relecture");
            case EditResult.Conflict conflict:
                FormError("Le projet a été modifié depuis que cette modification a été soumise : rien n'a été publié.");
                ConflictLines = conflict.Changes.Count > 0 ? EditLabels.Conflict(conflict.Changes) : null;
                break;
            case EditResult.Invalid invalid:
                FormError("Cette modification ne respecte plus les règles de saisie : "
                    + string.Join(" ", invalid.Errors.SelectMany(e => e.Value).Select(e => e.Message)));
                break;
            case var refused:
                return Refused(refused);
        }
        Changes = await Queue.PendingAsync(editor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSendBackAsync(long id, string? comment, CancellationToken ct)
    {
        if (editors.Current is not { } editor) return Challenge();
        switch (await Queue.SendBackAsync(editor, id, comment, ct))
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
        Changes = await Queue.PendingAsync(editor, ct);
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
