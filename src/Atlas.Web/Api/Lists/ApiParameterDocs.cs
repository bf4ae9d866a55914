using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Atlas.Web.Api.Lists;

/// <summary>
/// Adds the query <see cref="ApiParameter"/>s an endpoint carries to its operation, in their order, and describes the bound
/// parameters and the body it names.
/// </summary>
internal sealed class ApiParameterDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ApiParameter>())
        {
            if (parameter.In == ApiParameterIn.Body)
            {
                if (operation.RequestBody is OpenApiRequestBody body) body.Description = parameter.Description;
                continue;
            }
            if (parameter.In == ApiParameterIn.Bound)
            {
                if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter.Name) is OpenApiParameter bound) bound.Description = parameter.Description;
                continue;
            }
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = parameter.Values?.Select(value => (JsonNode)JsonValue.Create(value)).ToList(),
                },
            });
        }
    }
}
