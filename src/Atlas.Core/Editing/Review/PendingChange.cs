namespace Atlas.Core.Editing.Review;

/// <summary>
/// An authority editor's change to a project, kept aside until the correspondent of the partner's country (or an
/// administrator) approves it or sends it back: the public sees the published version meanwhile.
/// </summary>
public sealed class PendingChange
{
    public const int MaxCommentLength = 2000;

    public long Id { get; set; }
    public int ProjectId { get; set; }
    public int? SubmittedById { get; set; }
    /// <summary>The submitter's name at the time, kept even if the account goes.</summary>
    public required string SubmittedByName { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The project's version the change was made from: approving it from there refuses to overwrite what changed since.</summary>
    public long BaseVersion { get; set; }
    public required ProjectValues Values { get; set; }
    public PendingChangeStatus Status { get; set; }
    public int? ReviewerId { get; set; }
    public string? ReviewerName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Why the reviewer sent it back (or a word on approval).</summary>
    public string? Comment { get; set; }
}
