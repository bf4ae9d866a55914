namespace Atlas.Web.Hosting;

/// <summary>The operator's identity (<see cref="OperatorOptions"/>, <c>Atlas:Operator</c>) for the pages, and its logo when it is a file on disk.</summary>
public static class OperatorIdentitySetup
{
    public static IServiceCollection AddOperatorIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.AddSingleton(s => OperatorIdentity.From(
            s.GetRequiredService<IOptions<OperatorOptions>>().Value, s.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        return services;
    }

    /// <summary>Serves a logo configured as a file on the server's disk at <see cref="OperatorIdentity.DiskLogoPath"/>.</summary>
    public static IEndpointRouteBuilder MapOperatorLogo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OperatorIdentity.DiskLogoPath, (OperatorIdentity identity) =>
            identity.LogoFile is { } file ? Results.File(file, identity.LogoContentType) : Results.NotFound()).ExcludeFromDescription();
        return endpoints;
    }
}
