namespace Atlas.Web.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it: what happens within one rate-limit window, then in the next.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Half a minute into the current minute: a whole window's worth of room either way, whatever the real time.</summary>
    public static FixedClock MidMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new FixedClock(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddSeconds(30));
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
