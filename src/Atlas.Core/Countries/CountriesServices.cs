namespace Atlas.Core.Countries;

public static class CountriesServices
{
    /// <summary>The countries slice's use cases, one per request: the country list, the partner country directory, profile and export.</summary>
    public static IServiceCollection AddCountries(this IServiceCollection services)
    {
        services.AddScoped<CountryList>();
        services.AddScoped<PartnerCountryDirectory>();
        services.AddScoped<CountryProfileQuery>();
        services.AddScoped<CountryExport>();
        return services;
    }
}
