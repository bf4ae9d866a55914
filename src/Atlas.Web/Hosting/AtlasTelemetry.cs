using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Atlas.Web.Hosting;

/// <summary>
/// Metrics and traces for operators, exported over OTLP only when an endpoint is configured (the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <see cref="EndpointSetting"/>): ASP.NET Core's and Kestrel's meters (request
/// rate, latency and errors: http.server.request.duration), Npgsql's (pool use: db.client.connection.count) and the
/// atlas's own (<see cref="MeterName"/>: the replica's lag and whether reads go to it). Without an endpoint nothing is
/// registered: no cost, as before. docs/operations.md names the instruments.
/// </summary>
internal static class AtlasTelemetry
{
    public const string EndpointSetting = "Atlas:Telemetry:OtlpEndpoint";
    public const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolSetting = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string MeterName = "Atlas";
    public const string ServiceName = "atlas-web";

    public static WebApplicationBuilder AddAtlasTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration[StandardEndpoint] is { Length: > 0 } standard ? standard : builder.Configuration[EndpointSetting];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;

        var uri = new Uri(endpoint);
        // OTLP over gRPC (a collector's port 4317) unless OTEL_EXPORTER_OTLP_PROTOCOL says http/protobuf (port 4318). Over
        // HTTP, each signal has its path under the base address, as the OTLP specification builds them from the standard
        // variable: the exporter does not add it to an endpoint set here.
        var protocol = builder.Configuration[ProtocolSetting] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        Uri SignalEndpoint(string path) => protocol == OtlpExportProtocol.Grpc ? uri
            : new Uri(uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/"), path);
        builder.Services.AddSingleton<ReplicaMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Npgsql", MeterName)
                .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (protocol, SignalEndpoint("v1/metrics"))))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter(o => (o.Protocol, o.Endpoint) = (protocol, SignalEndpoint("v1/traces"))));
        // The replica's gauges exist once something asks for the meter's instruments: made with the host.
        builder.Services.AddHostedService(sp => new ReplicaMetrics.Starter(sp.GetRequiredService<ReplicaMetrics>()));
        return builder;
    }
}
