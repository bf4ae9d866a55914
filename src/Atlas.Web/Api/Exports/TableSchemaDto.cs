using System.Text.Json.Serialization;

namespace Atlas.Web.Api.Exports;

/// <summary>A Frictionless Table Schema.</summary>
/// <param name="Fields">The columns, in file order.</param>
/// <param name="PrimaryKey">The columns whose values identify a row, when the table has such a key.</param>
/// <param name="ForeignKeys">Links to the keys of other resources of the package, when the table has such links.</param>
/// <param name="MissingValues">How a cell says "no value": empty.</param>
public sealed record TableSchemaDto(
    IReadOnlyList<TableFieldDto> Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? PrimaryKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ForeignKeyDto>? ForeignKeys,
    IReadOnlyList<string> MissingValues)
{
    internal static TableSchemaDto Describe(ExportTable table) => new(
        table.Columns.Select(c => TableFieldDto.Describe(c, table.PrimaryKey is [var key] && key == c.Name)).ToList(),
        table.PrimaryKey.Count > 0 ? table.PrimaryKey : null,
        table.ForeignKeys.Count > 0
            ? table.ForeignKeys.Select(f => new ForeignKeyDto(f.Columns, new ForeignKeyReferenceDto(f.Table, f.ReferencedColumns))).ToList()
            : null,
        [""]);
}
