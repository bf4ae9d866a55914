using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Tests.Cluster;

/// <summary>
/// With one connection string (every installation before issue 16), nothing of the replica exists: /health has only the
/// database check, /health/ready answers the same, /health/live answers without a database check; and the shutdown
/// timeout comes from Atlas:ShutdownTimeoutSeconds; OpenTelemetry is registered only with an OTLP endpoint.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class SingleServerTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_one_connection_string_health_checks_only_the_database_and_liveness_checks_nothing()
    {
        using var client = fixture.App.CreateClient();
        foreach (var path in new[] { "/health", "/health/ready" })
        {
            var health = JsonNode.Parse(await client.GetStringAsync(path, Ct))!;
            Assert.Equal("Healthy", health["status"]!.GetValue<string>());
            Assert.Equal(["database"], health["checks"]!.AsObject().Select(c => c.Key));
        }
        var live = JsonNode.Parse(await client.GetStringAsync("/health/live", Ct))!;
        Assert.Equal("Healthy", live["status"]!.GetValue<string>());
        Assert.Empty(live["checks"]!.AsObject());
        Assert.Null(fixture.App.Services.GetService<Atlas.Web.Hosting.ReadReplica>());
    }

    [Fact]
    public void The_shutdown_timeout_is_the_setting_s_and_30_seconds_by_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), fixture.App.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        using var configured = fixture.App.WithWebHostBuilder(b => b.UseSetting("Atlas:ShutdownTimeoutSeconds", "7"));
        Assert.Equal(TimeSpan.FromSeconds(7), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task OpenTelemetry_is_registered_only_when_an_OTLP_endpoint_is_configured()
    {
        Assert.Null(fixture.App.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.Null(fixture.App.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        // Nothing listens there: the exporter's failures stay in the background, the app answers as before.
        using var exported = fixture.App.WithWebHostBuilder(b => b.UseSetting("Atlas:Telemetry:OtlpEndpoint", "http://127.0.0.1:4317"));
        Assert.NotNull(exported.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.NotNull(exported.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        using var client = exported.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/projets", Ct)).StatusCode);
    }
}
