namespace Atlas.Core.Themes;

public static class ThemesServices
{
    /// <summary>The themes slice's use cases, one per request: the theme tree and its export.</summary>
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddScoped<ThemeTreeQuery>();
        services.AddScoped<ThemeExport>();
        return services;
    }
}
