using Atlas.Core.Data.Seeding;
using Atlas.Core.Export.Iati;
using Atlas.Core.Freshness;
using Atlas.Core.Geography;
using Atlas.Core.Statistics;
using Atlas.Core.Workspace;

namespace Atlas.Core;

public static class AtlasCoreServices
{
    /// <summary>
    /// Registers Core, every service by name: the clock and the reference catalog (once), the stored counts, the editing core,
    /// each slice's use cases (per request), then the use cases that read across slices.
    /// </summary>
    public static IServiceCollection AddAtlasCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReferenceCatalog>();
        services.AddFigures();
        services.AddAtlasEditing();
        services.AddAccounts();
        services.AddCountries();
        services.AddThemes();
        services.AddAuthorities();
        services.AddOrganisations();
        services.AddDiplomaticPosts();
        services.AddPartnerships();
        services.AddProjects();
        services.AddFundings();
        services.AddFreshness();
        services.AddWorkspace();
        // Across slices: the statistics page, the map, the IATI export of projects, the demo data.
        services.AddScoped<AtlasStatisticsQuery>();
        services.AddScoped<ProjectGeographyQuery>();
        services.AddScoped<IatiActivityExport>();
        services.AddScoped<DemoDataLoader>();
        return services;
    }
}
