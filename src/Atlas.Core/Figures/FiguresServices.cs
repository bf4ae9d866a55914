namespace Atlas.Core.Figures;

public static class FiguresServices
{
    /// <summary>The stored counts (per request, with their settings and their refresh in the background) and the home page's figures.</summary>
    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.Section);
        services.AddScoped<CountSnapshots>();
        services.AddSingleton<CountSnapshotCache>();
        services.AddScoped<CountFreshness>();
        services.AddSingleton<CountSnapshotRefresher>();
        services.AddHostedService(s => s.GetRequiredService<CountSnapshotRefresher>());
        services.AddScoped<AtlasFiguresQuery>();
        return services;
    }
}
