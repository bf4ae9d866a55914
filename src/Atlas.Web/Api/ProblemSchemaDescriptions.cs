using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Atlas.Web.Api;

/// <summary>Describes the fields of RFC 9457 problem bodies, which come from the framework without documentation.</summary>
internal sealed class ProblemSchemaDescriptions : ISchemaFilter
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["type"] = "A URI identifying the kind of problem.",
        ["title"] = "A short summary of the kind of problem.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong with this request, in English.",
        ["instance"] = "The request the problem is about.",
        ["errors"] = "For 400 answers: each invalid parameter with what is wrong with it.",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) && context.Type != typeof(HttpValidationProblemDetails)) return;
        if (schema is OpenApiSchema concrete)
            concrete.Description ??= "An RFC 9457 problem: every API error has this shape.";
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema p && Fields.TryGetValue(name, out var text)) p.Description = text;
        }
    }
}
