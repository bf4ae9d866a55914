using System.Text.Json.Serialization;

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
/// <param name="Format">uri for a link (an absolute address on the portal); absent otherwise.</param>
public sealed record TableFieldDto(
    string Name, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format,
    string Title, string Description, string Example,
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
        if (column.IsLink)
        {
            return new TableFieldDto(column.Name, type, "uri", column.Label,
                $"{column.Description} Absolute: the portal's public address followed by the path.", ExampleOrigin + column.Example, constraints, null, null);
        }
        return column.IsRepeated
            ? new TableFieldDto(column.Name, "string", null, column.Label, $"{column.Description} Values joined with \"{ExportColumn.Joiner}\".", column.Example,
                constraints, ExportColumn.Joiner, type)
            : new TableFieldDto(column.Name, type, null, column.Label, column.Description, column.Example, constraints, null, null);
    }

    /// <summary>The address examples of links start with: the portal's own depends on where it runs.</summary>
    internal const string ExampleOrigin = "https://atlas.example.org";

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
