namespace Atlas.Core.Data;

/// <summary>
/// What every record people edit and find by name has: its id, its natural key, its last change, its version and its place
/// in the bin. An unmapped base class: each record keeps its own table (no inheritance mapping).
/// </summary>
public abstract class AtlasRecord : DeletableRow
{
    /// <summary>Natural key of the record in the demo dataset; null for records created in the portal.</summary>
    public string? Key { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
