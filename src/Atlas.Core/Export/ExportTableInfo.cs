namespace Atlas.Core.Export;

/// <summary>What a table declaration says of a table besides its columns.</summary>
public sealed record ExportTableInfo(
    string Name, string Title, string Label, string Description, string Summary, string Filters,
    IReadOnlyList<string> PrimaryKey, IReadOnlyList<ExportForeignKey> ForeignKeys);
