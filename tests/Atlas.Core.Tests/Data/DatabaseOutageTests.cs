using System.Net.Sockets;
using Atlas.Core.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Atlas.Core.Tests.Data;

/// <summary>Which failures are a database outage (answered 503 and logged once) and which stay errors (500, stack trace).</summary>
public sealed class DatabaseOutageTests
{
    public static TheoryData<string, Exception> Outages() => new()
    {
        { "connection refused", new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connection broken", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "connect timeout", new NpgsqlException("Exception while connecting", new TimeoutException()) },
        { "server shutting down", Postgres(PostgresErrorCodes.AdminShutdown) },
        { "server crashed", Postgres(PostgresErrorCodes.CrashShutdown) },
        { "server starting up", Postgres(PostgresErrorCodes.CannotConnectNow) },
        { "connection failure", Postgres(PostgresErrorCodes.ConnectionFailure) },
        { "database dropped", Postgres(PostgresErrorCodes.InvalidCatalogName) },
        { "through EF", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Postgres(PostgresErrorCodes.AdminShutdown)) },
        { "saving through EF", new DbUpdateException("An error occurred while saving the entity changes.", new NpgsqlException("Exception while writing to stream", new IOException())) },
    };

    public static TheoryData<string, Exception> Errors() => new()
    {
        { "deadlock", Postgres(PostgresErrorCodes.DeadlockDetected) },
        { "serialization failure", Postgres(PostgresErrorCodes.SerializationFailure) },
        { "unique violation", new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresErrorCodes.UniqueViolation)) },
        { "syntax error", Postgres(PostgresErrorCodes.SyntaxError) },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "a bug under a socket-looking message", new InvalidOperationException("socket", new ArgumentException("socket")) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_unreachable_or_missing_database_is_an_outage(string failure, Exception exception) =>
        Assert.True(DatabaseOutage.IsUnavailable(exception), failure);

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_failing_statement_or_a_bug_is_no_outage(string failure, Exception exception) =>
        Assert.False(DatabaseOutage.IsUnavailable(exception), failure);

    [Fact]
    public void A_connection_in_a_state_npgsql_does_not_expect_is_broken_but_a_type_mapping_error_is_a_bug()
    {
        Assert.True(DatabaseOutage.IsBrokenConnection(new NpgsqlException("Received backend message BindComplete while expecting ParseCompleteMessage. Please file a bug.")));
        Assert.False(DatabaseOutage.IsBrokenConnection(new NullReferenceException()));
        Assert.False(DatabaseOutage.IsBrokenConnection(new InvalidCastException("Reading as 'System.Int32' is not supported for fields having DataTypeName 'text'")));
        Assert.False(DatabaseOutage.IsBrokenConnection(Postgres(PostgresErrorCodes.SyntaxError)));
    }

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
