using Atlas.Core.Editing.Review;

namespace Atlas.Core.Editing;

public static class EditingServices
{
    /// <summary>
    /// The editing core: the interceptor that records history (a singleton, as the DbContext is
    /// pooled: give the interceptor to the context with <c>AddInterceptors(sp.GetRequiredService&lt;ChangeRecorder&gt;())</c>),
    /// and per request the scopes, the history, deletion and review. Each record type's editing is its slice's.
    /// </summary>
    public static IServiceCollection AddAtlasEditing(this IServiceCollection services)
    {
        services.AddSingleton<ChangeRecorder>();
        services.AddScoped<EditingScope>();
        services.AddScoped<ChangeHistoryQuery>();
        services.AddScoped<RecordHistoryQuery>();
        services.AddScoped<RecordDeletion>();
        services.AddScoped<DeletedRecordsQuery>();
        services.AddScoped<ProjectSubmission>();
        services.AddScoped<ReviewScope>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<Drafts>();
        services.AddScoped<ReviewMail>();
        services.AddScoped<PickableRecords>();
        return services;
    }
}
