namespace Atlas.Core.Editing;

/// <summary>
/// A record's history as its page shows it: its title, the changes of the record and of the records saved in its form (a
/// project's lines, a partnership's authorities, themes and contacts…), newest first, the names they refer to by id, and the
/// records a comparison of two versions looks at (<see cref="ChangeHistoryQuery.CompareAsync"/>).
/// </summary>
public sealed record RecordHistory(string Title, IReadOnlyList<ChangeRecord> Changes, HistoryNames Names, IReadOnlyList<(string Type, string Key)> Compared);
