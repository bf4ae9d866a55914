namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the forms of both kinds of declared records do once their draft is saved (<see cref="Drafts"/>): shown again at its own
/// address, or, when asked, submitted and the author sent to their space; a submission refused shows the draft, saved, with
/// its errors beside their fields.
/// </summary>
public static class DraftSaving
{
    /// <param name="page">The form's page, whose notice says what became of the draft.</param>
    /// <param name="saved">The draft's save.</param>
    /// <param name="reread">Reads the draft saved, for the form to post to its address.</param>
    /// <param name="refused">The form shown again for a refusal, with the message above it (null: the form's own).</param>
    public static async Task<IActionResult> SubmitIfAskedAsync(PageModel page, Drafts drafts, Editor editor, PendingChangeKind kind, string? title, bool submit,
        DraftResult saved, Func<long, Task> reread, Func<EditResult, string?, Task<IActionResult>> refused, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(reread);
        ArgumentNullException.ThrowIfNull(refused);
        if (saved.Result is not EditResult.Saved) return await refused(saved.Result, null);
        var draftId = saved.DraftId!.Value;
        if (!submit)
        {
            page.TempData[nameof(AccountPageModel.Notice)] = "Le brouillon est enregistré. Il n’est visible que de vous : soumettez-le quand il est complet.";
            return new RedirectResult(Drafts.PathOf(kind, draftId));
        }
        var result = await drafts.SubmitAsync(editor, draftId, ct);
        if (result is EditResult.Saved)
        {
            page.TempData[nameof(AccountPageModel.Notice)] = $"Le {(kind == PendingChangeKind.NewPartnership ? "partenariat" : "projet")} « {title?.Trim()} » " +
                "est soumis à la relecture du correspondant du pays. Il sera publié quand il l’aura approuvé.";
            return new RedirectResult("/espace#brouillons");
        }
        // Saved but not submitted: the form now saves the draft at its own address.
        await reread(draftId);
        return await refused(result, "Le brouillon est enregistré mais n’a pas été soumis : corrigez les champs signalés.");
    }
}
