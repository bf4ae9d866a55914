namespace Atlas.Core.DiplomaticPosts;

public static class DiplomaticPostsServices
{
    /// <summary>The diplomatic posts slice's use cases, one per request: the post list, record, export and editing.</summary>
    public static IServiceCollection AddDiplomaticPosts(this IServiceCollection services)
    {
        services.AddScoped<DiplomaticPostList>();
        services.AddScoped<DiplomaticPostQuery>();
        services.AddScoped<DiplomaticPostExport>();
        services.AddScoped<DiplomaticPostEditing>();
        return services;
    }
}
