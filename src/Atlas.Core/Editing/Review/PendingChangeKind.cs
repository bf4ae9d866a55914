namespace Atlas.Core.Editing.Review;

/// <summary>
/// What a <see cref="PendingChange"/> is: a change of a published project; a new project declared in a partnership; a new
/// partnership. The last two are declarations (<see cref="Drafts"/>): drafts of their author until submitted.
/// </summary>
public enum PendingChangeKind { ProjectChange, NewProject, NewPartnership }
