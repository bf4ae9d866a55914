namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What the forms of both kinds of declared records do once their draft is saved (<see cref="Drafts"/>): shown again at its own
/// address, or, when asked, submitted and the author sent to their space; a submission refused shows the draft, saved, with
/// its errors beside their fields.
/// </summary>
public static class DraftSaving
{
    /// <summary>
    /// The author's draft <paramref name="draftId"/> of kind <typeparamref name="T"/>, while it is theirs to change; else what the
    /// form answers instead: <paramref name="deny"/> for someone else's, not found (for a draft of the other kind too: it lives
    /// at its own address), the published record once approved, the author's space with a notice while it is in review.
    /// </summary>
    /// <param name="noun">The record as the notice names it: « projet », « partenariat ».</param>
    public static async Task<(T? Draft, IActionResult? Instead)> OpenAsync<T>(PageModel page, Drafts drafts, Editor editor, long draftId, string noun,
        Func<IActionResult> deny, CancellationToken ct) where T : Draft
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(deny);
        var found = await drafts.FindAsync(editor, draftId, ct);
        if (found is null) return (null, await drafts.ExistsAsync(draftId, ct) ? deny() : new NotFoundResult());
        if (found is not T draft) return (null, new NotFoundResult());
        // Approved, the draft is the record: its page is where it lives now.
        if (draft is { Status: PendingChangeStatus.Approved, PublishedPath: { } published }) return (draft, new RedirectResult(published));
        return (draft, draft.IsEditable ? null : InReview(page, noun));
    }

    /// <summary>A draft in review is not its author's to change: back to their space, with a notice saying so.</summary>
    public static RedirectResult InReview(PageModel page, string noun)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[nameof(AccountPageModel.Notice)] = $"Ce {noun} est en relecture : vous ne pouvez plus le modifier, sauf s’il vous est renvoyé.";
        return new RedirectResult("/espace#brouillons");
    }

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
