using System.Text.Json.Serialization;

namespace Atlas.Web.Api.Exports;

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
