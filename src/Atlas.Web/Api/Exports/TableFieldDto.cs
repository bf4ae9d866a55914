using System.Text.Json.Serialization;
using Atlas.Core.Export;

namespace Atlas.Web.Api.Exports;

/// <summary>A column of a Table Schema.</summary>
/// <param name="Name">The column's name, as in the CSV header and the JSON Lines keys.</param>
/// <param name="Type">string, integer, number, boolean, date or datetime; string for a repeated column, whose values are joined.</param>
/// <param name="Title">French label of the column.</param>
/// <param name="Description">What the column means.</param>
/// <param name="Example">A value as it appears in the CSV file.</param>
/// <param name="Constraints">Whether it is required or unique, and its only possible values.</param>
/// <param name="Separator">For a repeated column: the text joining its values in a CSV cell.</param>
/// <param name="ItemType">For a repeated column: the type of each of its values.</param>
public sealed record TableFieldDto(
    string Name, string Type, string Title, string Description, string Example,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FieldConstraintsDto? Constraints,
    [property: JsonPropertyName("x-separator"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Separator,
    [property: JsonPropertyName("x-itemType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ItemType)
{
    internal static TableFieldDto Describe(ExportColumn column, bool unique)
    {
        var constraints = column.Required || unique || column.Values is not null
            ? new FieldConstraintsDto(column.Required ? true : null, unique ? true : null, column.Values)
            : null;
        var type = TypeName(column.Type);
        return column.IsRepeated
            ? new TableFieldDto(column.Name, "string", column.Label, $"{column.Description} Values joined with \"{ExportColumn.Joiner}\".", column.Example,
                constraints, ExportColumn.Joiner, type)
            : new TableFieldDto(column.Name, type, column.Label, column.Description, column.Example, constraints, null, null);
    }

    internal static string TypeName(ExportType type) => type switch
    {
        ExportType.Integer => "integer",
        ExportType.Number => "number",
        ExportType.Boolean => "boolean",
        ExportType.Date => "date",
        ExportType.DateTime => "datetime",
        _ => "string",
    };
}
