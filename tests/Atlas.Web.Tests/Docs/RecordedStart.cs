using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// One start of the app, as the tests start it (a configured server, Production), whose every configuration read is recorded:
/// at start-up, on a few requests that read settings lazily (a page, the search, an API list, exports, the sign-in page,
/// /health), and by building every options class the app registers (some are bound only when first used, such as the mail
/// settings when a message is sent).
/// </summary>
public sealed class RecordedStart(TestDatabase database) : IAsyncLifetime
{
    private static readonly string[] Requests =
    [
        "/", "/projets?q=eau", "/api/v1/projects", "/api/v1/exports/projects.csv", "/api/v1/exports/iati-activities.xml",
        "/compte/connexion", "/health",
    ];

    public ConfigurationReadRecorder Recorder { get; } = new(SettingsTable.Keys);

    public async ValueTask InitializeAsync()
    {
        IServiceCollection? registered = null;
        await using var app = new AtlasApp(await database.CreateDemoDatabaseAsync(), ConfigurationRecordingStartup.SettingsFor(Recorder),
            services => registered = services);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in Requests)
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        }

        var optionTypes = registered!.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IPostConfigureOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        foreach (var type in optionTypes)
        {
            var options = app.Services.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptionsMonitor<object>.CurrentValue))!.GetValue(options);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
