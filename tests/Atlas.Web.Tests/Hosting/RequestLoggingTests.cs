using System.Data.Common;
using Atlas.Core.Data;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Atlas.Web.Tests.Hosting;

/// <summary>
/// One request log line per request (Serilog's request logging) with the status the client got, even when the request
/// ended in an exception; a genuine error (not a database outage) is still logged with its stack trace.
/// </summary>
public sealed class RequestLoggingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_request_is_logged_in_one_line_with_method_path_status_and_elapsed_time()
    {
        var logs = new LogCapture();
        await using var app = await AtlasApp.StartAsync(database);
        await using var logged = logs.AddTo(app);
        using var client = logged.CreateClient();

        (await client.GetAsync("/projets/1", Ct)).EnsureSuccessStatusCode().Dispose();

        var line = Assert.Single(logs.Requests("/projets/1"));
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("GET", Scalar(line, "RequestMethod"));
        Assert.Equal(200, Scalar(line, "StatusCode"));
        Assert.IsType<double>(Scalar(line, "Elapsed"));
        Assert.Matches(@"^HTTP GET /projets/1 responded 200 in [0-9]+\.[0-9] ms$", LogCapture.Text(line));
    }

    [Fact]
    public async Task A_request_that_throws_in_development_is_logged_as_a_500()
    {
        var logs = new LogCapture();
        var failure = new FailingConnections();
        await using var app = await AtlasApp.StartAsync(database);
        await using var development = logs.AddTo(app).WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .ConfigureTestServices(s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(failure))));
        using var client = development.CreateClient();
        (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode().Dispose();

        failure.Armed = true;
        using var response = await client.GetAsync("/projets/1", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(logs.Requests("/projets/1"));
        Assert.Equal(500, Scalar(line, "StatusCode"));
        Assert.Equal(LogEventLevel.Error, line.Level);
    }

    [Fact]
    public async Task A_genuine_error_is_still_logged_with_its_stack_trace()
    {
        var logs = new LogCapture();
        var failure = new FailingConnections();
        await using var app = await AtlasApp.StartAsync(database);
        await using var failing = logs.AddTo(app).WithWebHostBuilder(b => b
            .ConfigureTestServices(s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(failure))));
        using var client = failing.CreateClient();
        (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode().Dispose();

        failure.Armed = true;
        using var response = await client.GetAsync("/projets/1", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var logged = Assert.Single(logs.Events, e => e.Exception is FailingConnections.Failure);
        Assert.Equal(LogEventLevel.Error, logged.Level);
        Assert.Contains(" at ", logged.Exception!.StackTrace, StringComparison.Ordinal);
    }

    private static object? Scalar(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    /// <summary>Once armed, every connection the app's DbContexts open fails with a plain bug, not a database outage.</summary>
    private sealed class FailingConnections : DbConnectionInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Armed ? throw new Failure() : base.ConnectionOpeningAsync(connection, eventData, result, cancellationToken);

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Armed ? throw new Failure() : base.ConnectionOpening(connection, eventData, result);

        public sealed class Failure() : InvalidOperationException("A deliberate failure of the test");
    }
}
