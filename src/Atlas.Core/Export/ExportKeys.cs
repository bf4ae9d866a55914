namespace Atlas.Core.Export;

/// <summary>Declarations of ExportTable's foreign keys, briefly.</summary>
public static class ExportKeys
{
    public static ExportForeignKey References(string column, string table, string referencedColumn) => new([column], table, [referencedColumn]);
}
