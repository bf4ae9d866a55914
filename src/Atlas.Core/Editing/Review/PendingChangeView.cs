namespace Atlas.Core.Editing.Review;

/// <summary>
/// A pending change as a reviewer or its submitter sees it: what it is (<paramref name="Kind"/>), its project (none yet for a
/// new project declared in partnership <paramref name="PartnershipId"/>, <paramref name="PartnershipTitle"/>; for a new
/// partnership, <paramref name="PartnershipId"/> is the one its approval created), who and when, where it stands, and what it
/// changes (for a new record, every field it fills).
/// </summary>
public sealed record PendingChangeView(
    long Id, PendingChangeKind Kind, int? ProjectId, int? PartnershipId, string? PartnershipTitle, string Title, string SubmittedByName, DateTimeOffset SubmittedAt, PendingChangeStatus Status,
    string? ReviewerName, DateTimeOffset? ReviewedAt, string? Comment, IReadOnlyList<FieldDiff> Diff)
{
    /// <summary>The names of the authorities and organisations its diff refers to by id, for the history's words.</summary>
    public HistoryNames Names { get; init; } = HistoryNames.Of(new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());

    /// <summary>A new project, declared by its author, that its approval creates.</summary>
    public bool IsNewProject => Kind == PendingChangeKind.NewProject;

    /// <summary>A new partnership, declared by its author, that its approval creates.</summary>
    public bool IsNewPartnership => Kind == PendingChangeKind.NewPartnership;

    /// <summary>A new record (project or partnership), rather than a change of a published one.</summary>
    public bool IsDeclaration => Kind != PendingChangeKind.ProjectChange;

    /// <summary>Where it is read: the published record, else the declared record's draft.</summary>
    public string Path => Kind switch
    {
        PendingChangeKind.NewPartnership when PartnershipId is { } partnership => FormattableString.Invariant($"/partenariats/{partnership}"),
        _ when ProjectId is { } project && Kind != PendingChangeKind.NewPartnership => FormattableString.Invariant($"/projets/{project}"),
        _ => Drafts.PathOf(Kind, Id),
    };
}
