namespace Atlas.Core.Organisations;

public static class OrganisationsServices
{
    /// <summary>The organisations slice's use cases, one per request: the organisation list, record and export.</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationList>();
        services.AddScoped<OrganisationRecordQuery>();
        services.AddScoped<OrganisationExport>();
        return services;
    }
}
