using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Atlas.Web.Hosting;

/// <summary>
/// /health's database check: one round trip. An outage is reported to <see cref="DatabaseOutage"/> (logged once, however
/// often a load balancer probes); any other failure is logged here with its exception.
/// </summary>
internal sealed partial class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseOutage outage, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            outage.Answered();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            if (!outage.Failed(e, started)) LogFailed(logger, e);
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database health check failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
