namespace Atlas.Core.Editing.Review;

public static class PendingChangeStatuses
{
    /// <summary>A declared project its author may still change: a draft, or one sent back for correction.</summary>
    public static bool IsEditableDraft(this PendingChangeStatus status) => status is PendingChangeStatus.Draft or PendingChangeStatus.SentBack;
}
