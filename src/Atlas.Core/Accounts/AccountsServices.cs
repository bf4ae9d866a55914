using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Core.Accounts;

public static class AccountsServices
{
    /// <summary>The accounts slice's use cases, one per request: the personal API tokens (Identity's stores are the web host's).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenStore>();
        return services;
    }
}
