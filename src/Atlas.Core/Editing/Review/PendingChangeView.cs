namespace Atlas.Core.Editing.Review;

/// <summary>A pending change as a reviewer or its submitter sees it: its project, who and when, where it stands, and what it changes.</summary>
public sealed record PendingChangeView(
    long Id, int ProjectId, string ProjectTitle, string SubmittedByName, DateTimeOffset SubmittedAt, PendingChangeStatus Status,
    string? ReviewerName, DateTimeOffset? ReviewedAt, string? Comment, IReadOnlyList<FieldDiff> Diff);
