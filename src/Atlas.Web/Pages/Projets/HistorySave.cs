namespace Atlas.Web.Pages.Projets;

/// <summary>
/// One save of the project's form, as one entry of its history: when, by whom (the author of a proposed change, and the
/// reviewer who approved it), what it changed. <see cref="Point"/> is the version just after it, <see cref="Previous"/> the
/// one just before (0: before the history), as the comparison names them.
/// </summary>
public sealed record HistorySave(long Point, long Previous, DateTimeOffset At, string Author, string? Approver, IReadOnlyList<HistoryRecord> Records);
