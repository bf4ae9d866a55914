namespace Atlas.Core.Editing.Review;

/// <summary>
/// Edits of a project as the pages send them: a correspondent's or an administrator's change publishes directly; an authority
/// editor's valid change is kept as a <see cref="PendingChange"/> for the correspondent of the country to review.
/// </summary>
public sealed class ProjectSubmission(AtlasDbContext db, ProjectEditing editing, TimeProvider clock, ReviewMail reviewMail)
{
    public async Task<SubmissionResult> SaveAsync(Editor editor, int projectId, uint version, ProjectValues values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (editor.Role != EditorRole.AuthorityEditor)
            return new SubmissionResult.Applied(await editing.SaveAsync(editor, projectId, version, values, ct).ConfigureAwait(false));

        var (result, changes) = await editing.CheckAsync(editor, projectId, version, values, ct).ConfigureAwait(false);
        if (result is not EditResult.Saved || !changes) return new SubmissionResult.Applied(result);

        var pending = new PendingChange
        {
            ProjectId = projectId,
            SubmittedById = editor.UserId,
            SubmittedByName = editor.Name,
            SubmittedAt = clock.GetUtcNow(),
            BaseVersion = version,
            Values = values,
            Status = PendingChangeStatus.Pending,
        };
        db.PendingChanges.Add(pending);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        await reviewMail.SubmittedAsync(pending.Id, ct).ConfigureAwait(false);
        return new SubmissionResult.Submitted(pending.Id);
    }
}
