namespace Atlas.Core.Projects;

public static class ProjectsServices
{
    /// <summary>The projects slice's use cases, one per request: the project search and its corrections, record, export and editing.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectSearch>();
        services.AddScoped<ProjectRecordQuery>();
        services.AddScoped<ProjectDocumentQuery>();
        services.AddScoped<ProjectExport>();
        services.AddScoped<ProjectEditing>();
        services.AddScoped<ProjectEditQuery>();
        services.AddScoped<QueryCorrection>();
        return services;
    }
}
