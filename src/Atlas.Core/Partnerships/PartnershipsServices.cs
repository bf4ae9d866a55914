namespace Atlas.Core.Partnerships;

public static class PartnershipsServices
{
    /// <summary>The partnerships slice's use cases, one per request: the partnership list and directory, record, export and editing.</summary>
    public static IServiceCollection AddPartnerships(this IServiceCollection services)
    {
        services.AddScoped<PartnershipList>();
        services.AddScoped<PartnershipDirectory>();
        services.AddScoped<PartnershipRecordQuery>();
        services.AddScoped<PartnershipExport>();
        services.AddScoped<PartnershipEditing>();
        services.AddScoped<PartnershipEditQuery>();
        return services;
    }
}
