namespace Atlas.Core.Data.Infrastructure;

/// <summary>
/// Counts over whole tables, stored as JSON with the data version they were computed from (<see cref="DataVersion.ChangedAt"/>),
/// shared by every web instance: see <see cref="Atlas.CountSnapshots"/>.
/// </summary>
public sealed class AggregateSnapshot
{
    public required string Key { get; set; }
    public DateTimeOffset DataChangedAt { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public required string Payload { get; set; }
}
