using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;

namespace Atlas.Web.Api;

/// <summary>A resource's endpoints under /api/v1: every class implementing it is mapped at start-up.</summary>
internal interface IApiEndpoints
{
    static abstract void Map(RouteGroupBuilder api);
}

/// <summary>The JSON API under /api/v1 and its OpenAPI document.</summary>
internal static class AtlasApi
{
    public const string CorsPolicy = "PublicRead";

    public static IServiceCollection AddAtlasApi(this IServiceCollection services)
    {
        // Anyone may read from any origin; writes need a token and are not offered to other origins' pages.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Last-Modified", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "Content-Disposition")));
        // A body field the record does not have is a mistake (a typo, a field of another version): refused with 400, as an
        // unknown query parameter is, rather than silently dropped.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Atlas de la coopération décentralisée — API",
                Version = "v1",
                Description = "Read the partnerships of French local authorities with local authorities abroad, their projects, fundings and contacts. " +
                    "No key is needed to read. Errors are RFC 9457 problem+json bodies.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            // Keeps a property's own description when its type is a shared schema.
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<ProblemSchemaDescriptions>();
        });
        return services;
    }

    public static WebApplication MapAtlasApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        foreach (var group in typeof(AtlasApi).Assembly.GetTypes().Where(t => t.IsClass && typeof(IApiEndpoints).IsAssignableFrom(t)))
            group.GetMethod(nameof(IApiEndpoints.Map))!.Invoke(null, [api]);
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "Atlas API v1");
            options.DocumentTitle = "Atlas — API";
        });
        return app;
    }
}
