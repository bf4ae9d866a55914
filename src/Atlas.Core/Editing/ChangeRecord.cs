namespace Atlas.Core.Editing;

/// <summary>
/// One change to one record, as the history shows it: who, when, what, and each field's old and new value. Written by
/// <see cref="ChangeRecorder"/> for every change saved on behalf of an <see cref="Editor"/>.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }
    /// <summary>The kind of record, as <see cref="RecordedTypes"/> names it ("project", "funding"…).</summary>
    public required string EntityType { get; set; }
    /// <summary>The record's key as text; a composite key is joined with '/' ("12/7").</summary>
    public required string EntityId { get; set; }
    /// <summary>The project the record belongs to (the project itself, its funding lines, participants, themes…), so that a project's history reads one index.</summary>
    public int? ProjectId { get; set; }
    public int? UserId { get; set; }
    /// <summary>The author's name at the time, kept even if the account goes.</summary>
    public required string UserName { get; set; }
    /// <summary>Who approved the change when its author's was reviewed first (an authority editor's): the author stays <see cref="UserName"/>.</summary>
    public int? ApprovedById { get; set; }
    /// <summary>The approver's name at the time; null for a change its author published directly.</summary>
    public string? ApprovedByName { get; set; }
    public DateTimeOffset At { get; set; }
    public ChangeAction Action { get; set; }
    /// <summary>The record's version the change was made on (null for a creation): what a conflicting save is compared with.</summary>
    public long? FromVersion { get; set; }
    public List<FieldChange> Changes { get; set; } = [];
}
