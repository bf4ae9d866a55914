using System.Diagnostics.Metrics;

namespace Atlas.Web.Hosting;

/// <summary>
/// The atlas's own instruments (meter <see cref="AtlasTelemetry.MeterName"/>): atlas.replica.lag (seconds of replay the
/// replica is behind, as last checked) and atlas.replica.reads (1 while anonymous reads go to it, 0 when they fell back to
/// the primary). Nothing is observed without a replica.
/// </summary>
internal sealed class ReplicaMetrics : IDisposable
{
    private readonly Meter _meter;

    public ReplicaMetrics(IMeterFactory meters, ReadReplica? replica = null)
    {
        _meter = meters.Create(AtlasTelemetry.MeterName);
        if (replica is null) return;
        _meter.CreateObservableGauge("atlas.replica.lag", () => replica.LagSeconds ?? 0, "s", "How far the read replica's replay lags, as last checked");
        _meter.CreateObservableGauge("atlas.replica.reads", () => replica.Usable ? 1 : 0, null, "1 while anonymous reads go to the replica, 0 when they fell back to the primary");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Creates the instruments as the host starts.</summary>
    public sealed class Starter(ReplicaMetrics metrics) : IHostedService
    {
        public ReplicaMetrics Metrics { get; } = metrics;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
