using Microsoft.Extensions.Configuration;

namespace Atlas.Core.Paging;

public static class PagingServices
{
    /// <summary>
    /// The <see cref="ExactCountLimit"/> of the project search, the map and the directories, from <see cref="ExactCountLimit.Setting"/>, read
    /// once at start-up.
    /// </summary>
    public static IServiceCollection AddExactCountLimit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSingleton(new ExactCountLimit(configuration.GetValue(ExactCountLimit.Setting, ExactCountLimit.DefaultRows)));
    }
}
