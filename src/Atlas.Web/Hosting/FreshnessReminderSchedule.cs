using Atlas.Core.Freshness;

namespace Atlas.Web.Hosting;

/// <summary>
/// Looks every hour whether this month's reminder of records to confirm is due (<see cref="FreshnessReminders"/>), so that it
/// goes within an hour of the month's start, or of the first start of an instance in the month. Every instance looks; the
/// database makes one of them send it. Off with Atlas:Freshness:SendReminders=false, and without Atlas:PublicBaseUrl, as the
/// mail's link needs it.
/// </summary>
public sealed partial class FreshnessReminderSchedule(IServiceScopeFactory scopes, IOptions<FreshnessOptions> options, PublicBaseUrl links,
    TimeProvider clock, ILogger<FreshnessReminderSchedule> logger, DatabaseOutage? outage = null) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendReminders) return;
        if (links.Configured is not { } baseUrl)
        {
            LogNoLink(logger);
            return;
        }
        try
        {
            while (true)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<FreshnessReminders>().SendDueAsync(baseUrl + "/espace", stoppingToken) is { } sent)
                        LogSent(logger, sent);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The next look tries again: the month's row was rolled back with whatever failed.
                    if (outage?.Failed(e) != true) LogFailed(logger, e);
                }
                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent this month's reminder of records to confirm to {Recipients} people")]
    private static partial void LogSent(ILogger logger, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monthly reminder of records to confirm is not sent: Atlas:PublicBaseUrl is not set, and its link needs it")]
    private static partial void LogNoLink(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the monthly reminder of records to confirm failed; the next hourly look tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
