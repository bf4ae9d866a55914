namespace Atlas.Core.Editing.Review;

/// <summary>
/// A pending change as a reviewer or its submitter sees it: its project (none yet for a new project declared in partnership
/// <paramref name="PartnershipId"/>, <paramref name="PartnershipTitle"/>), who and when, where it stands, and what it changes.
/// </summary>
public sealed record PendingChangeView(
    long Id, int? ProjectId, int? PartnershipId, string? PartnershipTitle, string ProjectTitle, string SubmittedByName, DateTimeOffset SubmittedAt, PendingChangeStatus Status,
    string? ReviewerName, DateTimeOffset? ReviewedAt, string? Comment, IReadOnlyList<FieldDiff> Diff)
{
    /// <summary>A new project, declared by its author, that its approval creates.</summary>
    public bool IsNewProject => PartnershipId is not null;

    /// <summary>The names of the authorities and organisations its diff refers to by id, for the history's words.</summary>
    public HistoryNames Names { get; init; } = HistoryNames.Of(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());
}
