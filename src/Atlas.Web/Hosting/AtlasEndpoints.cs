using Atlas.Web.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Atlas.Web.Hosting;

/// <summary>What the portal answers: the yardstick, the health check, the API, the operator's logo and the pages.</summary>
internal static class AtlasEndpoints
{
    public static WebApplication MapAtlasEndpoints(this WebApplication app)
    {
        // The machine's bare HTTP throughput, the yardstick of the benchmarks.
        app.MapGet("/ping", () => "pong").ExcludeFromDescription();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapAtlasApi();
        app.MapOperatorLogo();
        app.MapRazorPages();
        return app;
    }
}
