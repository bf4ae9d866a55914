namespace Atlas.Core.Editing.Review;

/// <summary>What became of an edit sent through <see cref="ProjectSubmission"/>: published (or refused) as any edit, or kept for review.</summary>
public abstract record SubmissionResult
{
    private SubmissionResult() { }

    /// <summary>Saved directly, or refused: what <see cref="ProjectEditing.SaveAsync"/> answered.</summary>
    public sealed record Applied(EditResult Result) : SubmissionResult;

    /// <summary>Valid, and kept as pending change <paramref name="PendingChangeId"/> until a reviewer approves it: nothing published.</summary>
    public sealed record Submitted(long PendingChangeId) : SubmissionResult;
}
