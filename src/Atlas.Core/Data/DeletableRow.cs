namespace Atlas.Core.Data;

/// <summary>
/// A row editors delete to the bin rather than erase: its id, its version (PostgreSQL xmin, for optimistic concurrency: a
/// save made from an older one is refused) and when it was deleted. An unmapped base class: each keeps its own table.
/// </summary>
public abstract class DeletableRow : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public uint Version { get; set; }
}
