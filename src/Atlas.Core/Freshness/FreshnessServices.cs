using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core.Freshness;

public static class FreshnessServices
{
    /// <summary>The freshness rule with its settings (Atlas:Freshness), the « toujours exact » confirmation and the monthly reminder, per request.</summary>
    public static IServiceCollection AddFreshness(this IServiceCollection services)
    {
        services.AddOptions<FreshnessOptions>().BindConfiguration(FreshnessOptions.Section);
        services.AddScoped<FreshnessRule>();
        services.AddScoped<RecordFreshness>();
        // Sends through the host's IOutgoingMail; the host schedules it (Atlas.Web's FreshnessReminderSchedule).
        services.AddScoped<FreshnessReminders>();
        return services;
    }
}
