using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Atlas.Web.Hosting;

/// <summary>
/// /health's word on the read replica, registered only when one is configured: healthy while anonymous reads go to it,
/// degraded (still HTTP 200: the primary serves everything) when they fell back to the primary, with the reason.
/// </summary>
internal sealed class ReplicaHealthCheck(ReadReplica replica) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(replica.Usable ? HealthCheckResult.Healthy(replica.Description) : HealthCheckResult.Degraded(replica.Description));
}
