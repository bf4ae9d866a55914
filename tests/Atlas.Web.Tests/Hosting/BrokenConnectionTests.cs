using Atlas.Core.Data.Hosting;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Atlas.Web.Tests.Hosting;

/// <summary>
/// A connection opened while PostgreSQL restarts can break inside Npgsql itself (a NullReferenceException in
/// NpgsqlDataReader.NextResult). The boundary tries a read once more on a fresh connection; when that one breaks the same
/// way, the answer is a 503 with Retry-After and one warning line, not a 500 (DatabaseRestartTests met it once in CI:
/// one request in 2,129).
/// </summary>
public sealed class BrokenConnectionTests
{
    [Fact]
    public async Task A_read_whose_connection_breaks_inside_Npgsql_twice_is_answered_503_with_one_warning()
    {
        var logger = new WarningCounter();
        var attempts = 0;
        await using var read = new Read(_ =>
        {
            attempts++;
            throw new NullReferenceException { Source = typeof(NpgsqlConnection).Assembly.GetName().Name };
        }, logger);
        var (boundary, context) = (read.Boundary, read.Context);

        await boundary.InvokeAsync(context, null!);

        Assert.Equal(2, attempts);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(1, logger.Warnings);
    }

    [Fact]
    public async Task Any_other_NullReferenceException_is_still_a_500()
    {
        await using var read = new Read(_ => throw new NullReferenceException(), new WarningCounter());
        var (boundary, context) = (read.Boundary, read.Context);

        await Assert.ThrowsAsync<NullReferenceException>(() => boundary.InvokeAsync(context, null!));
    }

    /// <summary>A GET of /projets/1 through the boundary, the rest of the pipeline being the delegate given.</summary>
    private sealed class Read : IAsyncDisposable
    {
        private const string ConnectionString = "Host=/nonexistent;Username=atlas;Database=atlas";
        private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(ConnectionString);
        private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

        public Read(RequestDelegate next, ILogger<DatabaseOutageBoundary> logger)
        {
            var outage = new DatabaseOutage(ConnectionString, _dataSource, NullLogger<DatabaseOutage>.Instance);
            Boundary = new DatabaseOutageBoundary(next, outage, _services.GetRequiredService<IServiceScopeFactory>(), logger);
            Context = new DefaultHttpContext { RequestServices = _services };
            Context.Request.Method = HttpMethods.Get;
            Context.Request.Path = "/projets/1";
        }

        public DatabaseOutageBoundary Boundary { get; }

        public DefaultHttpContext Context { get; }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await _dataSource.DisposeAsync();
        }
    }

    private sealed class WarningCounter : ILogger<DatabaseOutageBoundary>
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings++;
        }
    }
}
