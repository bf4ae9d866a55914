namespace Atlas.Core.Accounts;

public static class AccountsServices
{
    /// <summary>The accounts slice's use cases, one per request: the personal API tokens, the accounts and the scopes they can be given (Identity's stores are the web host's).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenStore>();
        services.AddScoped<AccountScopeQuery>();
        return services;
    }
}
