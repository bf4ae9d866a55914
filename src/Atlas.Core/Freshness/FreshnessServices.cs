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

    /// <summary>
    /// The monthly reminder, per request: it sends through the host's <see cref="Mail.IOutgoingMail"/>, so the host that has
    /// one registers it (and schedules it), beside its mail.
    /// </summary>
    public static IServiceCollection AddFreshnessReminders(this IServiceCollection services)
    {
        services.AddScoped<FreshnessReminders>();
        return services;
    }
}
