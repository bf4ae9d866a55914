using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core.Countries;

public static class CountriesServices
{
    /// <summary>The countries slice's use cases, one per request: the country list, profile and export.</summary>
    public static IServiceCollection AddCountries(this IServiceCollection services)
    {
        services.AddScoped<CountryList>();
        services.AddScoped<CountryProfileQuery>();
        services.AddScoped<CountryExport>();
        return services;
    }
}
