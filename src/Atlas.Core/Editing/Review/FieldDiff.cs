namespace Atlas.Core.Editing.Review;

/// <summary>
/// One field a pending change would change: a project's own by name ("title", as the history names it), "themes", a funding
/// line as "funding/12" (an added one as "funding/new-1"); the values as text (null: none). <paramref name="Line"/>: a
/// funding line's number as the form shows it (« Ligne n° 2 »); <paramref name="Currency"/>: an amount's currency.
/// </summary>
public sealed record FieldDiff(string Field, string? Current, string? Proposed, int? Line = null, string? Currency = null);
