using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Atlas.Web.Hosting;

/// <summary>/health as JSON: the overall status and each check's (the database's; the replica's, with where reads go and why), with its description when it has one.</summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1), description = e.Value.Description }),
        }, Options);
    }
}
