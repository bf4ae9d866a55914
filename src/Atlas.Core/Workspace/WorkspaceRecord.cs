namespace Atlas.Core.Workspace;

/// <summary>A record of the editor's scope as their space lists it.</summary>
/// <param name="ConfirmedAt">When a person last confirmed it (an edit or « toujours exact »); null when nobody has.</param>
/// <param name="LastEditedAt">Its last edit in the history; null when never edited since it was loaded.</param>
/// <param name="IsStale">Not confirmed for longer than the freshness setting allows.</param>
public sealed record WorkspaceRecord(RecordKind Kind, int Id, string Title, DateTimeOffset? ConfirmedAt, DateTimeOffset? LastEditedAt, bool IsStale);
