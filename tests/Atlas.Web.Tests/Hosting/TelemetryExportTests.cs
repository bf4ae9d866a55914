using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Hosting;

/// <summary>
/// With OTEL_EXPORTER_OTLP_ENDPOINT set, the app exports its traces and metrics over OTLP: here to a small listener of the
/// test's own standing in for a collector (none is installed), over HTTP/protobuf, at the signals' standard paths.
/// </summary>
public sealed class TelemetryExportTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traces_and_metrics_reach_an_otlp_http_listener_at_their_standard_paths()
    {
        using var collector = new OtlpListener();
        var app = await AtlasApp.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Spans leave every 200 ms rather than every 5 s: on a loaded machine the batch flushed while the host stops
            // (the startup's SQL spans first) once ended before the request's span was sent.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        await using (app)
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/themes", Ct)).StatusCode);
        }
        // Stopping the host flushes both exporters (the metric reader's last collection, the trace batch), whatever their intervals.

        // The request's span (the startup's SQL statements may come in an export of their own) and its duration's histogram.
        var traces = await collector.FirstAsync("/v1/traces", "api/v1/themes");
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Contains("atlas-web", traces.Text, StringComparison.Ordinal); // service.name
        var metrics = await collector.FirstAsync("/v1/metrics", "http.server.request.duration");
        Assert.Equal("application/x-protobuf", metrics.ContentType);
        Assert.Contains("atlas-web", metrics.Text, StringComparison.Ordinal);
        Assert.All(collector.Received, r => Assert.Contains(r.Path, new[] { "/v1/traces", "/v1/metrics" }));
    }

    /// <summary>What a collector's OTLP/HTTP receiver would see: each POST's path, content type and body (protobuf, whose strings read as UTF-8).</summary>
    private sealed class OtlpListener : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public OtlpListener()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public string Address { get; }
        public ConcurrentQueue<Export> Received { get; } = new();

        /// <summary>The first export to <paramref name="path"/> whose body holds <paramref name="text"/>.</summary>
        public async Task<Export> FirstAsync(string path, string text)
        {
            // Polled with a deadline: the exports are sent while the host stops, on the exporters' own threads.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (Received.FirstOrDefault(r => r.Path == path && r.Text.Contains(text, StringComparison.Ordinal)) is { } export) return export;
                await Task.Delay(50, Ct);
            }
            throw new Xunit.Sdk.XunitException(
                $"No export to {path} holds {text}; received: {string.Join(", ", Received.Select(r => $"{r.Path} ({r.Text.Length} bytes)"))}");
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue(new Export(context.Request.Url!.AbsolutePath, context.Request.ContentType, Encoding.UTF8.GetString(body.ToArray())));
                // An empty ExportServiceResponse: every field is optional.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }

    private sealed record Export(string Path, string? ContentType, string Text);
}
