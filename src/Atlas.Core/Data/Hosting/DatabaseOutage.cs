using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Atlas.Core.Data.Hosting;

/// <summary>
/// Whether the database answers, as this instance last saw it. Every place that meets a database failure reports it here
/// instead of logging it: the first failure of an outage logs one Warning (no stack trace) and clears the connection pools,
/// whose connections a restarted server has broken; later failures are only counted; the first connection that opens again
/// (EF's, through this interceptor) or command that succeeds logs one Information. A PostgreSQL stopped for 10.7 s under
/// load used to log 134,000 lines and 1,312 stack traces.
/// </summary>
public sealed partial class DatabaseOutage(string connectionString, NpgsqlDataSource dataSource, ILogger<DatabaseOutage> logger) : DbConnectionInterceptor
{
    /// <summary>What a client is told to wait: a restarted or failed-over PostgreSQL answers again within seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // The timestamp of the outage's first failure, 0 while the database answers; and of the last time it answered again.
    private long _downSince;
    private long _upSince;
    private long _failures;

    public bool IsDown => Interlocked.Read(ref _downSince) != 0;

    /// <summary>
    /// Whether <paramref name="exception"/> says that the database cannot be reached or is not there, rather than that a
    /// statement failed: no connection (refused, reset, timed out), the server shutting down or starting up, the
    /// database dropped; seen through EF's wrappers.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.InvalidCatalogName, // the database was dropped
        // A PostgresException's IsTransient also holds for deadlocks and serialization failures, which are not outages; Npgsql's
        // own exception is transient when its cause is a socket, stream or timeout failure (connecting, or a pool exhausted).
        NpgsqlException { InnerException: PostgresException postgres } => IsUnavailable(postgres),
        // A multi-host connection string that found no server of the kind it asks for (Target Session Attributes=primary
        // while the primary is stopped and the standby not yet promoted): each host's failure, or none when every host
        // answered but none was a primary.
        NpgsqlException { InnerException: AggregateException aggregate } => aggregate.InnerExceptions.Any(IsUnavailable),
        NpgsqlException { InnerException: null } npgsql when npgsql.Message.StartsWith("No suitable host", StringComparison.Ordinal) => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        InvalidOperationException or DbUpdateException or RetryLimitExceededException => exception.InnerException is { } inner && IsUnavailable(inner),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="exception"/> says that a connection is in a broken state, from inside Npgsql rather than from
    /// the server: a NullReferenceException in NpgsqlDataReader.NextResult or "Received backend message BindComplete while
    /// expecting ParseCompleteMessage", which a connection opened while PostgreSQL restarts meets about once per restart
    /// under load. (Not a type-mapping error such as an InvalidCastException: that is a bug of ours.)
    /// </summary>
    public static bool IsBrokenConnection(Exception exception) => exception switch
    {
        PostgresException => false,
        NpgsqlException npgsql => !npgsql.IsTransient,
        NullReferenceException => exception.Source == typeof(NpgsqlConnection).Assembly.GetName().Name,
        _ => false,
    };

    /// <summary>
    /// Reports a failure met while using the database by an attempt begun at <paramref name="attemptStarted"/> (a
    /// <see cref="Stopwatch"/> timestamp; now when not given): returns whether it was the database being unavailable
    /// (recorded here, the caller logs nothing); a false return leaves the exception to the caller's usual logging. An
    /// attempt begun before the database last answered again belongs to the outage already logged.
    /// </summary>
    public bool Failed(Exception exception, long? attemptStarted = null)
    {
        if (!IsUnavailable(exception)) return false;
        Interlocked.Increment(ref _failures);
        if ((attemptStarted ?? Stopwatch.GetTimestamp()) < Interlocked.Read(ref _upSince)) return true;
        if (Interlocked.CompareExchange(ref _downSince, Stopwatch.GetTimestamp(), 0) != 0) return true;

        LogDown(logger, Reason(exception));
        // Pooled connections opened before a restart are broken; without this, the first requests after the database is
        // back would each take one and fail.
        ClearPools();
        return true;
    }

    /// <summary>
    /// Closes the idle connections of both pools (the data source's and EF's), and the others as they come back: the next
    /// ones are opened afresh.
    /// </summary>
    public void ClearPools()
    {
        dataSource.Clear();
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>Reports that the database answered (a connection opened or a command succeeded).</summary>
    public void Answered()
    {
        var since = Interlocked.Read(ref _downSince);
        if (since == 0 || Interlocked.CompareExchange(ref _downSince, 0, since) != since) return;
        Interlocked.Exchange(ref _upSince, Stopwatch.GetTimestamp());
        var failures = Interlocked.Exchange(ref _failures, 0);
        LogUp(logger, Math.Round(Stopwatch.GetElapsedTime(since).TotalSeconds, 1), failures);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Answered();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Answered();
        return Task.CompletedTask;
    }

    /// <summary>The innermost cause, in one line: enough for an operator, without a stack trace.</summary>
    private static string Reason(Exception exception)
    {
        var cause = exception;
        while (cause.InnerException is not null && cause is not PostgresException) cause = cause.InnerException;
        return cause is PostgresException postgres
            ? string.Create(CultureInfo.InvariantCulture, $"{postgres.SqlState}: {postgres.MessageText}")
            : $"{cause.GetType().Name}: {cause.Message}";
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database is unavailable ({Reason}): requests are answered 503 until it answers again; further failures are counted, not logged")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answers again after {Seconds} s unavailable ({Failures} failures meanwhile)")]
    private static partial void LogUp(ILogger logger, double seconds, long failures);
}
