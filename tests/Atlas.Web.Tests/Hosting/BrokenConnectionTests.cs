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
        const string connectionString = "Host=/nonexistent;Username=atlas;Database=atlas";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var outage = new DatabaseOutage(connectionString, dataSource, NullLogger<DatabaseOutage>.Instance);
        await using var services = new ServiceCollection().BuildServiceProvider();
        var logger = new WarningCounter();
        var attempts = 0;
        var boundary = new DatabaseOutageBoundary(_ =>
        {
            attempts++;
            throw new NullReferenceException { Source = typeof(NpgsqlConnection).Assembly.GetName().Name };
        }, outage, services.GetRequiredService<IServiceScopeFactory>(), logger);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/projets/1";

        await boundary.InvokeAsync(context, null!);

        Assert.Equal(2, attempts);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(1, logger.Warnings);
    }

    [Fact]
    public async Task Any_other_NullReferenceException_is_still_a_500()
    {
        const string connectionString = "Host=/nonexistent;Username=atlas;Database=atlas";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var outage = new DatabaseOutage(connectionString, dataSource, NullLogger<DatabaseOutage>.Instance);
        await using var services = new ServiceCollection().BuildServiceProvider();
        var boundary = new DatabaseOutageBoundary(_ => throw new NullReferenceException(), outage,
            services.GetRequiredService<IServiceScopeFactory>(), new WarningCounter());
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/projets/1";

        await Assert.ThrowsAsync<NullReferenceException>(() => boundary.InvokeAsync(context, null!));
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
