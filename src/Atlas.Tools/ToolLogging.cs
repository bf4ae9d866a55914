using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Atlas.Tools;

/// <summary>
/// The tools' log: every line on stderr, so that stdout carries only a verb's result (the generator's summary, which
/// scripts/benchmark.sh keeps); the framework's own chatter above Warning only, but for the host's « Now listening on ».
/// </summary>
internal static class ToolLogging
{
    public static Serilog.ILogger Create() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose)
        .CreateLogger();

    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(l => l.AddSerilog(Create(), dispose: true));
}
