namespace Atlas.Web.Hosting;

/// <summary>
/// What absolute links to the portal start with. Configured (<see cref="PublicBaseUrlOptions"/>): that address, whatever the
/// request says, so that a forged Host header never reaches a link. Unset: in Development, the request's own origin (a
/// developer's machine has no public address); in any other environment, none, and what needs a link does without it (account
/// mail is not sent) — the app says so once at start-up.
/// </summary>
public sealed partial class PublicBaseUrl(IOptions<PublicBaseUrlOptions> options, IHostEnvironment environment, ILogger<PublicBaseUrl> logger)
    : IHostedService
{
    private readonly string? _configured = Normalised(options.Value.PublicBaseUrl);

    /// <summary>Registers the setting, checked when the host starts, and this service.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicBaseUrlOptions>()
            .Configure(o => o.PublicBaseUrl = configuration[PublicBaseUrlOptions.Setting])
            .Validate(o => PublicBaseUrlOptions.IsValid(o.PublicBaseUrl), PublicBaseUrlOptions.Rule)
            .ValidateOnStart();
        services.AddSingleton<PublicBaseUrl>();
        services.AddHostedService(s => s.GetRequiredService<PublicBaseUrl>());
    }

    public bool IsConfigured => _configured is not null;

    /// <summary>The configured address, for links made outside any request (the monthly reminder); null when none is set.</summary>
    public string? Configured => _configured;

    /// <summary>The address links start with, without a final slash (https://atlas.example.org); null when no link may be built.</summary>
    public string? For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_configured is not null) return _configured;
        return environment.IsDevelopment() ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;
    }

    /// <summary>
    /// The address the links inside an export start with: the configured one, else the request's own origin. Unlike a mail's
    /// link, an export goes back to whoever sent the request, so a forged Host only reaches the forger; and the output cache keys
    /// its entries on the host, so no one else is served it.
    /// </summary>
    public string ForExports(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured && !environment.IsDevelopment()) LogNotConfigured(logger, PublicBaseUrlOptions.EnvironmentVariable);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? Normalised(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value.Trim(), UriKind.Absolute).GetLeftPart(UriPartial.Path).TrimEnd('/');

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: no account mail (password reset, new account's link) will be sent. " +
        "Set it to the portal's public address, such as https://atlas.example.org")]
    private static partial void LogNotConfigured(ILogger logger, string setting);
}
