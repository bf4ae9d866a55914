using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Atlas.Web.Api.Stats;
using Microsoft.OpenApi;

namespace Atlas.Web.Api;

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
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(NoNullItems.Modify);
        });
        services.AddSingleton<DownloadContext>();
        // Each record kind as the one write pipeline (RecordWrites) reads and saves it, for its routes and its creation.
        services.AddScoped(sp => ProjectWriteEndpoints.Writer(sp.GetRequiredService<ProjectEditQuery>(), sp.GetRequiredService<ProjectSubmission>()));
        services.AddScoped(sp => PartnershipWriteEndpoints.Writer(sp.GetRequiredService<PartnershipEditQuery>(), sp.GetRequiredService<PartnershipEditing>()));
        services.AddScoped(sp => AuthorityWriteEndpoints.Writer(sp.GetRequiredService<AuthorityEditQuery>(), sp.GetRequiredService<AuthorityEditing>()));
        services.AddScoped(sp => DiplomaticPostWriteEndpoints.Writer(sp.GetRequiredService<DiplomaticPostQuery>(), sp.GetRequiredService<DiplomaticPostEditing>()));
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Atlas de la coopération décentralisée — API",
                Version = "v1",
                Description = "Read the partnerships of French local authorities with local authorities abroad, their projects, fundings and contacts. " +
                    "No key is needed to read. Errors are RFC 9457 problem+json bodies. Every GET also answers HEAD. " +
                    "The data are published under the Licence Ouverte 2.0 (etalab-2.0).\n\n" +
                    "[Back to the portal](/) · [The API explained, in French](/api) · [Downloads and data dictionary](/donnees)",
                License = new OpenApiLicense { Name = $"{DataLicence.Title} ({DataLicence.Identifier})", Url = new Uri(DataLicence.Url) },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            // Keeps a property's own description when its type is a shared schema.
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<ProblemSchemaDescriptions>();
            options.OperationFilter<ApiParameterDocs>();
        });
        return services;
    }

    public static WebApplication MapAtlasApi(this WebApplication app)
    {
        // Each resource's endpoints, by name, in the order the assembly scan that preceded these calls found them: the OpenAPI
        // document's order follows the endpoints'.
        var api = app.MapGroup("/api/v1");
        api.MapAuthoritiesApi();
        api.MapAuthorityWritesApi();
        api.MapCountriesApi();
        api.MapCreationApi();
        api.MapDeletionApi();
        api.MapDiplomaticPostsApi();
        api.MapDiplomaticPostWritesApi();
        api.MapExportsApi();
        api.MapFundingsApi();
        api.MapIatiApi();
        api.MapOrganisationsApi();
        api.MapPartnershipsApi();
        api.MapPartnershipWritesApi();
        api.MapProjectsApi();
        api.MapProjectWritesApi();
        api.MapStatsApi();
        api.MapThemesApi();
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "Atlas API v1");
            options.DocumentTitle = "Atlas — API";
        });
        return app;
    }
}
