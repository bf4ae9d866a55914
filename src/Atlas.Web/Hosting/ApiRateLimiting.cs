using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Atlas.Web.Hosting;

/// <summary>
/// A per-client-IP limit on API requests, counted in PostgreSQL so that every web instance behind a proxy enforces one
/// shared budget: fixed one-minute windows, RateLimit-* headers on every answer, 429 with Retry-After past the limit.
/// </summary>
internal sealed partial class ApiRateLimiting(RequestDelegate next, NpgsqlDataSource dataSource, IConfiguration configuration, TimeProvider clock, ILogger<ApiRateLimiting> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly int _limit = configuration.GetValue("Atlas:RateLimit:RequestsPerMinute", 600);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var requests = await CountAsync(client, windowStart, context.RequestAborted);
        var reset = (int)Math.Ceiling((windowStart + Window - now).TotalSeconds);

        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = _limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Math.Max(0, _limit - requests).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);

        if (requests > _limit)
        {
            LogLimited(logger, client, requests);
            headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"This client made more than {_limit} API requests in a minute. Retry after {reset} s; bulk downloads are at /api/v1/exports.",
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                },
            });
            return;
        }
        await next(context);
    }

    private async Task<int> CountAsync(string client, DateTimeOffset windowStart, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO api_rate_windows AS w (client, window_start, requests) VALUES ($1, $2, 1)
            ON CONFLICT (client, window_start) DO UPDATE SET requests = w.requests + 1
            RETURNING requests
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = client });
        command.Parameters.Add(new NpgsqlParameter { Value = windowStart });
        var requests = (int)(await command.ExecuteScalarAsync(ct))!;

        // Old windows are worth nothing: the first request of each window clears them.
        if (requests == 1)
        {
            await using var cleanup = dataSource.CreateCommand("DELETE FROM api_rate_windows WHERE window_start < $1");
            cleanup.Parameters.Add(new NpgsqlParameter { Value = windowStart - Window });
            await cleanup.ExecuteNonQueryAsync(ct);
        }
        return requests;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached by {Client}: {Requests} API requests this minute")]
    private static partial void LogLimited(ILogger logger, string client, int requests);
}
