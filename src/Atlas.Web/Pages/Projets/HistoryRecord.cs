namespace Atlas.Web.Pages.Projets;

/// <summary>What one save (or a comparison) did to one record of the project: its action, its name as the form says it, its fields.</summary>
public sealed record HistoryRecord(ChangeAction Action, string Name, IReadOnlyList<HistoryField> Fields);
