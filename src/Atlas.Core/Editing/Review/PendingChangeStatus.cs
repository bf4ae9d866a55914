namespace Atlas.Core.Editing.Review;

/// <summary>Draft: a new project its author is still writing (never seen by a reviewer); the others as their names say.</summary>
public enum PendingChangeStatus { Pending, Approved, SentBack, Draft }
