namespace Atlas.Web.Pages.Projets;

/// <summary>One field of a change or a comparison as shown: its label, both values as people read them, and for a long text the words that changed.</summary>
public sealed record HistoryField(string Field, string Label, string Before, string After, IReadOnlyList<DiffSegment>? Words);
