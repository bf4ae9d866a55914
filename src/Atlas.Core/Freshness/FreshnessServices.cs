using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core.Freshness;

public static class FreshnessServices
{
    /// <summary>The freshness rule with its settings (Atlas:Freshness) and the « toujours exact » confirmation, per request.</summary>
    public static IServiceCollection AddFreshness(this IServiceCollection services)
    {
        services.AddOptions<FreshnessOptions>().BindConfiguration(FreshnessOptions.Section);
        services.AddScoped<FreshnessRule>();
        services.AddScoped<RecordFreshness>();
        return services;
    }
}
