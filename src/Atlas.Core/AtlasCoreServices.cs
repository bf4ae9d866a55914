using Atlas.Core.Editing;
using Atlas.Core.Figures;
using Atlas.Core.Reference;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core;

public static class AtlasCoreServices
{
    private static readonly string[] UseCaseSuffixes = ["Query", "Search", "List", "Export", "Loader"];

    /// <summary>Registers Core's use cases (every public class named …Query, …Search, …List, …Export, …Loader) per request, the reference catalog once, and the stored counts with their background refresh.</summary>
    public static IServiceCollection AddAtlasCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReferenceCatalog>();
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section);
        services.AddScoped<CountSnapshots>();
        services.AddScoped<CountFreshness>();
        services.AddSingleton<CountSnapshotRefresher>();
        services.AddHostedService(s => s.GetRequiredService<CountSnapshotRefresher>());
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
