namespace Atlas.Core.Export;

/// <summary>A link from columns of one export table to the key of another (a child table's project_id to projects.id).</summary>
public sealed record ExportForeignKey(IReadOnlyList<string> Columns, string Table, IReadOnlyList<string> ReferencedColumns);
