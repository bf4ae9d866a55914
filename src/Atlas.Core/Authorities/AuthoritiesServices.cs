namespace Atlas.Core.Authorities;

public static class AuthoritiesServices
{
    /// <summary>The authorities slice's use cases, one per request: the authority list and directory, profile, record, suggestions, export, editing and creation.</summary>
    public static IServiceCollection AddAuthorities(this IServiceCollection services)
    {
        services.AddScoped<AuthorityList>();
        services.AddScoped<AuthorityDirectory>();
        services.AddScoped<AuthorityProfileQuery>();
        services.AddScoped<AuthorityRecordQuery>();
        services.AddScoped<AuthoritySuggestionQuery>();
        services.AddScoped<AuthorityExport>();
        services.AddScoped<AuthorityEditing>();
        services.AddScoped<AuthorityCreation>();
        services.AddScoped<AuthorityEditQuery>();
        return services;
    }
}
