using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;

[assembly: HostingStartup(typeof(Atlas.Web.Tests.Docs.ConfigurationRecordingStartup))]

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// Adds a <see cref="ConfigurationReadRecorder"/> to the app's configuration as the web host is created, before Program
/// reads its first setting: a WebApplicationFactory's own configuration callbacks run only when the host is built, after
/// Program has read what it needs to build it (the database, the data-protection certificate…). It runs only in an app
/// started with <c>hostingStartupAssemblies</c> naming this assembly, and adds the recorder registered under the id given
/// as <see cref="Setting"/>.
/// </summary>
public sealed class ConfigurationRecordingStartup : IHostingStartup
{
    public const string Setting = "AtlasDocs:Recorder";
    private static readonly ConcurrentDictionary<string, ConfigurationReadRecorder> Recorders = new();

    /// <summary>The settings that make an app started with them record into <paramref name="recorder"/>.</summary>
    public static Dictionary<string, string> SettingsFor(ConfigurationReadRecorder recorder)
    {
        var id = Guid.NewGuid().ToString("N");
        Recorders[id] = recorder;
        return new()
        {
            [WebHostDefaults.HostingStartupAssembliesKey] = typeof(ConfigurationRecordingStartup).Assembly.GetName().Name!,
            [Setting] = id,
        };
    }

    public void Configure(IWebHostBuilder builder) =>
        // The id comes with the configuration the test host passes on as arguments, which the callback's context holds.
        builder.ConfigureAppConfiguration((context, configuration) =>
        {
            if (context.Configuration[Setting] is { } id && Recorders.TryGetValue(id, out var recorder)) configuration.Add(recorder);
        });
}
