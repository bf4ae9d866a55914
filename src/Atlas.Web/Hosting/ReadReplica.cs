using System.Diagnostics;

namespace Atlas.Web.Hosting;

/// <summary>
/// The server of <c>ConnectionStrings:AtlasReadOnly</c> (a streaming hot standby, or an Npgsql multi-host string with
/// <c>Target Session Attributes=prefer-standby</c>) and whether anonymous reads may go to it now: it answered the last check
/// (<see cref="ReplicaMonitor"/>, every <see cref="CheckIntervalSetting"/> seconds) and its replay lags the primary by no
/// more than <see cref="MaxLagSetting"/> seconds. A request that finds it unavailable marks it so at once
/// (<see cref="Failed"/>): the request's retry and every request after it read from the primary until a check succeeds again.
/// Its own data version (<see cref="Versions"/>) keys the output cache and the ETags of what it answers, so that a page
/// rendered from a replica that has not replayed an edit is never cached or tagged as the primary's newer version.
/// </summary>
internal sealed partial class ReadReplica : IDisposable
{
    public const string ConnectionName = "AtlasReadOnly";
    public const string MaxLagSetting = "Atlas:Replica:MaxLagSeconds";
    public const string CheckIntervalSetting = "Atlas:Replica:CheckIntervalSeconds";
    /// <summary>Marks the read connections in pg_stat_activity, unless the connection string names its own.</summary>
    public const string ApplicationName = "atlas-read";
    // Replay after an edit takes milliseconds on a healthy standby; 10 s means it is stuck or far behind a bulk load.
    private const double DefaultMaxLagSeconds = 10;
    private const double DefaultCheckIntervalSeconds = 1;

    // Where the standby is: what it has received and what it has replayed (bytes of WAL); a server that is not in recovery
    // (a promoted standby, or a multi-host string that found only the primary) does not lag.
    private const string LagQuery = """
        SELECT pg_is_in_recovery(),
               pg_wal_lsn_diff(coalesce(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn(), '0/0'), '0/0')::bigint,
               pg_wal_lsn_diff(coalesce(pg_last_wal_replay_lsn(), '0/0'), '0/0')::bigint
        """;

    private readonly ILogger<ReadReplica> _logger;
    private readonly TimeProvider _clock;
    // The lag is how long the replay has been behind a point of the WAL the standby had received: when a check finds the
    // replay behind, that point and the time are kept; a later check that finds the replay past it starts again. (The age
    // of pg_last_xact_replay_timestamp() is no measure: after an idle minute, the first WAL to arrive made it read 60 s for
    // a replica a few milliseconds behind.) Only the monitor's loop checks, one check at a time.
    private long _target;
    private DateTimeOffset? _behindSince;
    private volatile State _state = new(false, false, null, "not checked yet");

    public ReadReplica(string connectionString, IConfiguration configuration, TimeProvider clock, ILogger<ReadReplica> logger)
    {
        ConnectionString = connectionString;
        _logger = logger;
        _clock = clock;
        MaxLag = TimeSpan.FromSeconds(configuration.GetValue(MaxLagSetting, DefaultMaxLagSeconds));
        CheckInterval = TimeSpan.FromSeconds(configuration.GetValue(CheckIntervalSetting, DefaultCheckIntervalSeconds));
        DataSource = NpgsqlDataSource.Create(connectionString);
        Versions = new DataVersionReader(DataSource, clock);
    }

    /// <summary>
    /// The read connection string: tuned as the primary's (<see cref="ConnectionTuning"/>), named <see cref="ApplicationName"/>,
    /// and read-only in every session, so that nothing sent on it can write even when it reaches a primary.
    /// </summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(connectionString));
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = ApplicationName;
        return ReadOnlyConnection.Apply(builder.ConnectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public DataVersionReader Versions { get; }

    public TimeSpan MaxLag { get; }

    public TimeSpan CheckInterval { get; }

    /// <summary>The replay lag at the last check that reached the server; null when it did not answer.</summary>
    public double? LagSeconds => _state.LagSeconds;

    /// <summary>Whether anonymous reads go to this server now.</summary>
    public bool Usable => _state.Usable;

    /// <summary>What /health says of the reads: where they go and, when they fell back to the primary, why.</summary>
    public string Description
    {
        get
        {
            var state = _state;
            var lag = state.LagSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $" (lag {seconds:0.0} s)") : "";
            if (!state.Usable) return $"Reads fell back to the primary: {state.Reason}";
            return state.Standby ? $"Anonymous reads go to the replica{lag}" : "Anonymous reads go to the read-only connection, which reached a primary (no standby answers)";
        }
    }

    /// <summary>One check: whether the server answers and how far its replay lags. Never throws but for cancellation.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var command = DataSource.CreateCommand(LagQuery);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var standby = reader.GetBoolean(0);
            var received = reader.GetInt64(1);
            var replayed = reader.GetInt64(2);
            var now = _clock.GetUtcNow();
            if (!standby)
            {
                _behindSince = null;
            }
            else if (replayed >= _target || _behindSince is null)
            {
                _target = received;
                _behindSince = received > replayed ? now : null;
            }
            var lag = _behindSince is { } since ? (now - since).TotalSeconds : 0;
            // A failure reported while this check ran is newer than its success.
            if (_state.FailedAt > started) return;
            Set(lag <= MaxLag.TotalSeconds
                ? new State(true, standby, lag, null)
                : new State(false, standby, lag, string.Create(CultureInfo.InvariantCulture, $"the replica lags {lag:0.0} s, beyond the {MaxLag.TotalSeconds:0.#} s bound ({MaxLagSetting})")));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            Set(new State(false, false, null, $"the replica does not answer ({Reason(e)})"));
        }
    }

    /// <summary>
    /// Reports a failure met reading from this server: whether it was the server being unavailable, in which case reads go to the
    /// primary until the next successful check and the pools are cleared (a restarted standby broke their connections).
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (!DatabaseOutage.IsUnavailable(exception) && !DatabaseOutage.IsBrokenConnection(exception)) return false;
        Set(new State(false, false, null, $"the replica does not answer ({Reason(exception)})") { FailedAt = Stopwatch.GetTimestamp() });
        DataSource.Clear();
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        return true;
    }

    public void Dispose() => DataSource.Dispose();

    private void Set(State next)
    {
        var previous = _state;
        _state = next;
        if (previous.Usable == next.Usable && previous.Reason is not null == next.Reason is not null) return;
        if (next.Usable) LogReplicaUsed(_logger, next.LagSeconds ?? 0);
        else LogFellBack(_logger, next.Reason!);
    }

    private static string Reason(Exception exception)
    {
        var cause = exception;
        while (cause.InnerException is not null && cause is not PostgresException) cause = cause.InnerException;
        return cause is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : $"{cause.GetType().Name}: {cause.Message}";
    }

    private sealed record State(bool Usable, bool Standby, double? LagSeconds, string? Reason)
    {
        public long FailedAt { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Anonymous reads fall back to the primary: {Reason}")]
    private static partial void LogFellBack(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anonymous reads go to the replica (lag {LagSeconds:0.0} s)")]
    private static partial void LogReplicaUsed(ILogger logger, double lagSeconds);
}
