using System.Text.Json.Serialization;
using Atlas.Core.Export;

namespace Atlas.Web.Api;

/// <summary>A Frictionless Data Package (tabular-data-package) describing the bulk exports of the atlas.</summary>
/// <param name="Profile">Always tabular-data-package.</param>
/// <param name="Name">Machine name of the package.</param>
/// <param name="Title">Title of the package.</param>
/// <param name="Description">What the package holds.</param>
/// <param name="Resources">One resource per export table.</param>
public sealed record DataPackageDto(string Profile, string Name, string Title, string Description, IReadOnlyList<DataResourceDto> Resources)
{
    internal static DataPackageDto Describe(IEnumerable<ExportTable> tables) => new(
        "tabular-data-package", "atlas-cooperation-decentralisee", "Atlas de la coopération décentralisée",
        "Partnerships between French local authorities and local authorities abroad, their projects, participants, fundings and themes; " +
        "the authorities, organisations, countries and French embassies they involve, and the theme tree. " +
        "Each resource is the export of its list without filters; add the filters of that list to its URL to download part of it. No key is needed.",
        tables.Select(DataResourceDto.Describe).ToList());
}

/// <summary>A tabular data resource: one export table.</summary>
/// <param name="Profile">Always tabular-data-resource.</param>
/// <param name="Name">Name of the table, used by foreign keys.</param>
/// <param name="Path">URL of its CSV file, relative to this document.</param>
/// <param name="Title">Title of the table.</param>
/// <param name="Description">What one row is.</param>
/// <param name="Format">csv.</param>
/// <param name="Mediatype">text/csv.</param>
/// <param name="Encoding">utf-8 (without byte order mark).</param>
/// <param name="Dialect">The CSV dialect: comma, CRLF, double quotes doubled, a header row.</param>
/// <param name="Schema">The Table Schema of the file.</param>
/// <param name="Alternates">The same table in other formats (JSON Lines).</param>
public sealed record DataResourceDto(
    string Profile, string Name, string Path, string Title, string Description, string Format, string Mediatype, string Encoding,
    CsvDialectDto Dialect, TableSchemaDto Schema, [property: JsonPropertyName("x-alternates")] IReadOnlyList<AlternateFileDto> Alternates)
{
    internal static DataResourceDto Describe(ExportTable table) => new(
        "tabular-data-resource", table.Name, Relative(table, ExportFormat.Csv), table.Title, table.Description,
        ExportFormat.Csv.Extension, ExportFormat.Csv.MediaType, "utf-8", new CsvDialectDto(",", "\r\n", "\"", true, true),
        TableSchemaDto.Describe(table),
        ExportFormat.All.Where(f => f != ExportFormat.Csv).Select(f => new AlternateFileDto(Relative(table, f), f.Extension, f.MediaType)).ToList());

    private static string Relative(ExportTable table, ExportFormat format) =>
        $"{ExportsEndpoints.RelativeExportsPath}/{ExportsEndpoints.FileName(table, format)}";
}

/// <summary>A CSV dialect (Frictionless CSV Dialect).</summary>
/// <param name="Delimiter">The field separator.</param>
/// <param name="LineTerminator">The line end.</param>
/// <param name="QuoteChar">The quote around fields holding a delimiter, a quote or a line break.</param>
/// <param name="DoubleQuote">A quote inside a quoted field is doubled.</param>
/// <param name="Header">The first row names the columns.</param>
public sealed record CsvDialectDto(string Delimiter, string LineTerminator, string QuoteChar, bool DoubleQuote, bool Header);

/// <summary>The same table in another format.</summary>
/// <param name="Path">URL of the file, relative to this document.</param>
/// <param name="Format">Format (jsonl).</param>
/// <param name="Mediatype">Media type (application/x-ndjson).</param>
public sealed record AlternateFileDto(string Path, string Format, string Mediatype);

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

/// <summary>Constraints on a column's values.</summary>
/// <param name="Required">Every row has a value.</param>
/// <param name="Unique">No two rows have the same value.</param>
/// <param name="Enum">The only values the column takes.</param>
public sealed record FieldConstraintsDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Required,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Unique,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Enum);

/// <summary>A foreign key of a Table Schema.</summary>
/// <param name="Fields">The columns of this table.</param>
/// <param name="Reference">The resource and columns they point to.</param>
public sealed record ForeignKeyDto(IReadOnlyList<string> Fields, ForeignKeyReferenceDto Reference);

/// <summary>What a foreign key points to.</summary>
/// <param name="Resource">The name of the resource.</param>
/// <param name="Fields">Its key columns.</param>
public sealed record ForeignKeyReferenceDto(string Resource, IReadOnlyList<string> Fields);
