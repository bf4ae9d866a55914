using System.Threading.Channels;
using Atlas.Core.Data.Hosting;
using Microsoft.Extensions.Hosting;

namespace Atlas.Core.Figures;

/// <summary>
/// Recomputes the stored counts off the request path when a request found them stale (<see cref="CountSnapshots"/>).
/// Requests made while one refresh is waiting are merged into it; one made during a refresh queues a single other, which
/// finds the counts fresh (one read) unless the data changed again meanwhile.
/// </summary>
/// <remarks>A refresh that fails because the database is unavailable is reported to <see cref="DatabaseOutage"/> (logged once per outage) when the host has one.</remarks>
public sealed partial class CountSnapshotRefresher(IServiceScopeFactory scopes, ILogger<CountSnapshotRefresher> logger, DatabaseOutage? outage = null) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _computations;

    /// <summary>How many times this instance computed and stored the counts (the log says when; tests check that instances share them).</summary>
    public int Computations => Volatile.Read(ref _computations);

    public void Request() => _requests.Writer.TryWrite(true);

    internal void Computed() => Interlocked.Increment(ref _computations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CountSnapshots>().RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Requests keep the previous counts and ask again: a failure here must not stop later refreshes.
                    if (outage?.Failed(e) != true) LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the stored atlas counts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
