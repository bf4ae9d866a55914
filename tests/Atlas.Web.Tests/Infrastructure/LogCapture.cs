using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// Every event the app under test logs, as its Serilog console sink receives it (same minimum levels): the app's logger
/// reads sinks from its services, so a test adds this one with <see cref="AddTo"/>.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter MessageOnly = new("{Message:lj}", CultureInfo.InvariantCulture);
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The messages logged at <paramref name="level"/>, as the console shows them.</summary>
    public IEnumerable<string> At(LogEventLevel level) => Events.Where(e => e.Level == level).Select(Text);

    /// <summary>The same app, logging into this capture as well.</summary>
    public WebApplicationFactory<Program> AddTo(WebApplicationFactory<Program> app) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(this)));

    /// <summary>The lines of the request log (one per request) for <paramref name="path"/>.</summary>
    public IReadOnlyList<LogEvent> Requests(string path) => Events
        .Where(e => IsRequestLine(e) && e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string s } && s == path)
        .ToList();

    public static bool IsRequestLine(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: "Serilog.AspNetCore.RequestLoggingMiddleware" };

    /// <summary>The message as the console shows it (strings unquoted).</summary>
    public static string Text(LogEvent e)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        MessageOnly.Format(e, text);
        return text.ToString();
    }
}
