using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Atlas.Web.Api.Exports;

/// <summary>
/// Documents the dialect parameter of the CSV downloads: their handlers are shared with the JSON Lines files, which do not
/// take it, so the parameter is added to the operations that carry <see cref="Marker"/>.
/// </summary>
internal sealed class CsvDialectParameter : IOperationFilter
{
    /// <summary>The query parameter choosing the CSV dialect.</summary>
    public const string Name = "dialect";

    /// <summary>The default dialect.</summary>
    public const string Rfc4180 = "rfc4180";

    /// <summary>The spreadsheet dialect (<see cref="Atlas.Core.Export.ExportFormat.ExcelCsv"/>).</summary>
    public const string Excel = "excel";

    /// <summary>The endpoint metadata of a CSV download.</summary>
    public static readonly object Marker = new CsvDialectParameter();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.Contains(Marker)) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Name,
            In = ParameterLocation.Query,
            Description = "rfc4180 (the default): comma, no byte order mark, decimal point. excel: the file French spreadsheets open " +
                "cleanly, with a UTF-8 byte order mark, semicolons and a decimal comma.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create(Rfc4180), JsonValue.Create(Excel)],
            },
        });
    }
}
