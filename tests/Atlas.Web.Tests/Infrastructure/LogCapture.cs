using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// Every event the app under test logs, as its Serilog console sink receives it (same minimum levels): the app's logger
/// reads sinks from its services, so a test adds this one with <see cref="AddTo"/>.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The same app, logging into this capture as well.</summary>
    public WebApplicationFactory<Program> AddTo(WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(this)));

    /// <summary>The events of the request log (one per request).</summary>
    public IReadOnlyList<LogEvent> Requests(string path) => Events
        .Where(e => e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string s } && s == path)
        .ToList();

    public static string Text(LogEvent e) => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
}
