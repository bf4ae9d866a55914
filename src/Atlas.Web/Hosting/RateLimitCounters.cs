using System.Collections.Concurrent;
using System.Diagnostics;

namespace Atlas.Web.Hosting;

/// <summary>
/// Request counters per bucket (the API's, the account forms'…), client and one-minute window, shared by every web instance
/// through PostgreSQL. Far from the limit, an instance counts in memory and adds its count to the shared row in the background,
/// so a request costs no database round trip; near the limit (or once a client is past it) every request is added to the
/// shared row before the answer, so the limit holds exactly whichever instances the requests reach.
/// </summary>
internal sealed partial class RateLimitCounters(NpgsqlDataSource dataSource, DatabaseOutage outage, TimeProvider clock, ILogger<RateLimitCounters> logger)
    : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);
    /// <summary>The width of the shared row's key column.</summary>
    private const int MaxKeyLength = 64;
    private readonly ConcurrentDictionary<(string Key, DateTimeOffset Window), Counter> _counters = new();

    /// <summary>
    /// Counts a request of <paramref name="client"/> in <paramref name="bucket"/>, whose limit is <paramref name="limit"/> a
    /// window; answers the requests counted so far in this window, this one included, and when the window ends.
    /// </summary>
    public async Task<(int Requests, DateTimeOffset WindowEnd)> CountAsync(string bucket, string client, int limit, DateTimeOffset now, CancellationToken ct)
    {
        // "account|2001:db8::1": an IPv6 address with a long zone could pass the column's width, and cutting it only merges link-local clients.
        var key = $"{bucket}|{client}";
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);
        var counter = _counters.GetOrAdd((key, start), _ => new Counter());
        int estimate;
        lock (counter)
        {
            counter.Pending++;
            estimate = counter.Shared + counter.Pending;
            if (estimate < SafeBelow(limit)) return (estimate, start + Window);
        }
        return (await FlushAsync(key, start, counter, ct), start + Window);
    }

    /// <summary>
    /// Below this count (as last known from the shared row, plus this instance's own) requests are counted in memory only:
    /// half the limit, when the limit is large enough for a quarter-second's worth of other instances' requests not to matter.
    /// </summary>
    private static int SafeBelow(int limit) => limit >= 100 ? limit / 2 : 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On the injected clock, like the windows: a test that stops time also stops the background flush, and flushes itself.
        using var timer = new PeriodicTimer(FlushEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await FlushAsync(stoppingToken);
                // Four times a second, whatever the traffic: an outage's end is seen (and logged) within 250 ms.
                outage.Answered();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // During an outage this fails four times a second: DatabaseOutage logs the outage once. Whatever the failure
                // (Npgsql itself can throw a NullReferenceException while PostgreSQL restarts), it must not end the service,
                // which would stop the host.
                if (!outage.Failed(e, started)) LogFlushFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// What the background service does every <see cref="FlushEvery"/>: adds every pending count to the shared rows, and
    /// forgets the windows (in memory and in the database) that ended over a window ago.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var expired = clock.GetUtcNow() - Window - Window;
        foreach (var ((key, start), counter) in _counters)
        {
            if (counter.Pending > 0) await FlushAsync(key, start, counter, ct);
            if (start < expired) _counters.TryRemove((key, start), out _);
        }
        await using var cleanup = dataSource.CreateCommand("DELETE FROM api_rate_windows WHERE window_start < $1");
        cleanup.Parameters.Add(new NpgsqlParameter { Value = expired });
        await cleanup.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds this instance's pending requests to the shared row; returns the shared total.</summary>
    private async Task<int> FlushAsync(string key, DateTimeOffset start, Counter counter, CancellationToken ct)
    {
        int pending;
        lock (counter)
        {
            pending = counter.Pending;
            counter.Pending = 0;
        }
        if (pending == 0) return counter.Shared;

        // The column "client" holds the whole key, bucket and client: it was named before there were buckets.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_rate_windows AS w (client, window_start, requests) VALUES ($1, $2, $3)
            ON CONFLICT (client, window_start) DO UPDATE SET requests = w.requests + excluded.requests
            RETURNING requests
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = start });
        command.Parameters.Add(new NpgsqlParameter { Value = pending });
        var shared = (int)(await command.ExecuteScalarAsync(ct))!;
        lock (counter)
        {
            counter.Shared = Math.Max(counter.Shared, shared);
            return counter.Shared + counter.Pending;
        }
    }

    private sealed class Counter
    {
        public int Shared;
        public int Pending;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not share the rate-limit counters")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
