using Atlas.Core.Authorities;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core.Editing;

public static class EditingServices
{
    /// <summary>
    /// The editing core: the ambient editor and the interceptor that records history (both singletons, as the DbContext is
    /// pooled: give the interceptor to the context with <c>AddInterceptors(sp.GetRequiredService&lt;ChangeRecorder&gt;())</c>),
    /// the scopes and the editing use cases per request.
    /// </summary>
    public static IServiceCollection AddAtlasEditing(this IServiceCollection services)
    {
        services.AddSingleton<AmbientEditor>();
        services.AddSingleton<IEditorContext>(sp => sp.GetRequiredService<AmbientEditor>());
        services.AddSingleton<ChangeRecorder>();
        services.AddScoped<EditingScope>();
        services.AddScoped<ProjectEditing>();
        services.AddScoped<AuthorityEditing>();
        services.AddScoped<AuthorityCreation>();
        services.AddScoped<Deletion.RecordDeletion>();
        services.AddScoped<PartnershipEditing>();
        services.AddScoped<DiplomaticPostEditing>();
        services.AddScoped<Review.ProjectSubmission>();
        services.AddScoped<Review.ReviewQueue>();
        return services;
    }
}
