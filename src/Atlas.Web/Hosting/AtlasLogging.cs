using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Atlas.Web.Hosting;

/// <summary>
/// Serilog for the host: quiet defaults that the Serilog section of the configuration may override, the console in text or
/// (Logging:Json) compact JSON, any sink registered as a service (tests capture the logs so), and one line per request.
/// </summary>
internal static class AtlasLogging
{
    public static void AddAtlasLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Each host gets a logger of its own and the static Log.Logger is left alone: tests run several hosts at once.
        builder.Services.AddSerilog((services, logger) => Configure(logger, builder.Configuration).ReadFrom.Services(services), preserveStaticLogger: true);
    }

    /// <summary>For the lines written before the host is built (which database, a private PostgreSQL started or stopped).</summary>
    public static ILoggerFactory CreateStartupLoggerFactory(IConfiguration configuration)
    {
        var logger = Configure(new LoggerConfiguration(), configuration).CreateLogger();
        return LoggerFactory.Create(l => l.AddSerilog(logger, dispose: true));
    }

    /// <summary>
    /// One line per request with method, path, status and elapsed milliseconds. It sits outside the exception handlers, so
    /// a request that ends in an exception is logged with the status the client got (500, also in Development, where the
    /// developer exception page answers).
    /// </summary>
    public static IApplicationBuilder UseAtlasRequestLogging(this WebApplication app) => app.UseSerilogRequestLogging(o =>
    {
        o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        // A 503 is a database outage, which DatabaseOutage logs once, or /health saying so: not an error line per request.
        o.GetLevel = (context, _, exception) =>
            exception is not null || (context.Response.StatusCode >= 500 && context.Response.StatusCode != StatusCodes.Status503ServiceUnavailable)
                ? LogEventLevel.Error
                : LogEventLevel.Information;
    });

    private static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        logger = logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // /health's one check is the database, whose outages DatabaseHealthCheck reports to DatabaseOutage (one line per
            // outage): the health service would add an Error line per probe.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogEventLevel.Fatal)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext();
        return configuration.GetValue("Logging:Json", false)
            ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
            : logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
    }
}
