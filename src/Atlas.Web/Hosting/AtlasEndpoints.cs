using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Atlas.Web.Hosting;

/// <summary>What the portal answers: the yardstick, the health check, the API, the operator's logo and the pages.</summary>
internal static class AtlasEndpoints
{
    public static WebApplication MapAtlasEndpoints(this WebApplication app)
    {
        // The machine's bare HTTP throughput, the yardstick of the benchmarks.
        app.MapGet("/ping", () => "pong").ExcludeFromDescription();
        // /health and /health/ready: every check (the primary; the read replica, degraded when reads fell back to the primary);
        // 503 when the primary does not answer. /health/live: the process answers, whatever the database does (a restart
        // would not bring the database back).
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapAtlasApi();
        app.MapOperatorLogo();
        app.MapRazorPages();
        return app;
    }
}
