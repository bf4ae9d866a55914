namespace Atlas.Core.Fundings;

public static class FundingsServices
{
    /// <summary>The fundings slice's use cases, one per request: the list of funding lines and its export.</summary>
    public static IServiceCollection AddFundings(this IServiceCollection services)
    {
        services.AddScoped<FundingList>();
        services.AddScoped<FundingExport>();
        return services;
    }
}
