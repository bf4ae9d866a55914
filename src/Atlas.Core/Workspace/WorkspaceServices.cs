namespace Atlas.Core.Workspace;

public static class WorkspaceServices
{
    /// <summary>What the editors' space reads, per request.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddScoped<WorkspaceQuery>();
        return services;
    }
}
