namespace Atlas.Core.Freshness;

/// <summary>
/// The monthly reminder of records not confirmed for too long, once sent: its month (the first day), when and to how many
/// people. The row is what makes a cluster of instances send a month's reminder once (see migration 0021).
/// </summary>
public sealed class FreshnessReminder
{
    public DateOnly Month { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int Recipients { get; set; }
}
