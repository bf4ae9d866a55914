namespace Atlas.Core.Editing.Review;

/// <summary>
/// An authority editor's change to a project, kept aside until the correspondent of the partner's country (or an
/// administrator) approves it or sends it back: the public sees the published version meanwhile. A new project or partnership
/// an authority editor declares is one too (<see cref="Kind"/>), with no record until it is approved: a draft (saved, completed
/// over several sessions, seen by its author only) until it is submitted, so that no unpublished record ever enters the tables
/// the public reads.
/// </summary>
public sealed class PendingChange
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }
    public PendingChangeKind Kind { get; set; }
    /// <summary>The project changed; for a new project, null until its approval creates it.</summary>
    public int? ProjectId { get; set; }
    /// <summary>
    /// The partnership a new project is declared in (null for a change of a published project); for a new partnership, null
    /// until its approval creates it.
    /// </summary>
    public int? PartnershipId { get; set; }
    public int? SubmittedById { get; set; }
    /// <summary>The submitter's name at the time, kept even if the account goes.</summary>
    public required string SubmittedByName { get; set; }
    /// <summary>When it was submitted; for a draft, when it was last saved.</summary>
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The project's version the change was made from: approving it from there refuses to overwrite what changed since (0 for a new project).</summary>
    public long BaseVersion { get; set; }
    /// <summary>A project's values, changed or new (null for a new partnership).</summary>
    public ProjectValues? Values { get; set; }
    /// <summary>A new partnership's values (null for a project).</summary>
    public PartnershipValues? PartnershipValues { get; set; }
    /// <summary>A new partnership's authorities, as its values name them: its reviewers are the correspondents of their countries.</summary>
    public int[] AuthorityIds { get; set; } = [];
    public PendingChangeStatus Status { get; set; }
    public int? ReviewerId { get; set; }
    public string? ReviewerName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Why the reviewer sent it back (or a word on approval).</summary>
    public string? Comment { get; set; }
}
