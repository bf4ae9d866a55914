namespace Atlas.Core.Workspace;

/// <summary>One save the editor made, as their space lists it: the record it changed (null when that record is gone) and what it did.</summary>
public sealed record WorkspaceChange(DateTimeOffset At, RecordKind Kind, int? Id, string Title, ChangeAction Action);
