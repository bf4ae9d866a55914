namespace Atlas.Core.Export;

/// <summary>A table whose rows are <typeparamref name="TRow"/>.</summary>
public sealed class ExportTable<TRow>(ExportTableInfo info, ExportColumns<TRow> columns) : ExportTable(info, columns.ToList())
{
    public new IReadOnlyList<ExportColumn<TRow>> Columns { get; } = columns.ToList();
}
