namespace Atlas.Core.Workspace;

/// <summary>The first records of the editor's scope that match a filter, the least recently confirmed first.</summary>
/// <param name="Matching">How many records match the filter (the rows are the first <see cref="WorkspaceQuery.PageSize"/> of them).</param>
/// <param name="Stale">How many records of the whole scope are not confirmed for too long, whatever the filter.</param>
/// <param name="InScope">How many records the scope holds, whatever the filter.</param>
public sealed record WorkspaceRecords(IReadOnlyList<WorkspaceRecord> Rows, int Matching, int Stale, int InScope);
