using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Atlas.Web.Api.Lists;

/// <summary>Adds the <see cref="QueryParameter"/>s an endpoint carries to its operation, in their order.</summary>
internal sealed class QueryParameterDocs : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>())
        {
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
