namespace Atlas.Web.Hosting;

/// <summary>
/// Checks the read replica (<see cref="ReadReplica.CheckAsync"/>) as the host starts, so that the first anonymous reads
/// already go to it, then every <see cref="ReadReplica.CheckInterval"/>: a replica that fell behind or stopped is left
/// within that time, and one that is back is used again within it.
/// </summary>
internal sealed class ReplicaMonitor(ReadReplica replica, TimeProvider clock) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await replica.CheckAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(replica.CheckInterval, clock, stoppingToken);
                await replica.CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
