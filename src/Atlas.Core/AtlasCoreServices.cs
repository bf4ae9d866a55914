using Atlas.Core.Editing;
using Atlas.Core.Reference;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core;

public static class AtlasCoreServices
{
    private static readonly string[] UseCaseSuffixes = ["Query", "Search", "List", "Export", "Loader"];

    /// <summary>Registers Core's use cases (every public class named …Query, …Search, …List, …Export, …Loader) per request, and the reference catalog once.</summary>
    public static IServiceCollection AddAtlasCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReferenceCatalog>();
        services.AddAtlasEditing();
        foreach (var type in typeof(AtlasCoreServices).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true, IsGenericTypeDefinition: false })
                     .Where(t => UseCaseSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal)))
                     .Where(t => t.GetConstructors().Length > 0))
        {
            services.AddScoped(type);
        }
        return services;
    }
}
