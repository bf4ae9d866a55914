namespace Atlas.Core.AccountRequests;

public static class AccountRequestsServices
{
    /// <summary>The account requests' use cases, one per request (they need the host's Identity, mail and links).</summary>
    public static IServiceCollection AddAccountRequests(this IServiceCollection services)
    {
        services.AddScoped<AccountRequestDesk>();
        return services;
    }
}
