namespace Atlas.Core.Export;

/// <summary>What a column declaration says of a column besides its values.</summary>
public sealed record ExportColumnInfo(string Name, string Label, string Description, string Example, bool Required = false, IReadOnlyList<string>? Values = null);
