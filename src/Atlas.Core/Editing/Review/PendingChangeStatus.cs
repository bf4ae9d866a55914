namespace Atlas.Core.Editing.Review;

public enum PendingChangeStatus { Pending, Approved, SentBack }
