namespace Atlas.Core.Partnerships;

/// <summary>The columns a partnership list reads and sorts on.</summary>
public sealed class PartnershipRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string? LegalFrame { get; init; }
    public DateOnly? SignedOn { get; init; }
    public int? SignedYear { get; init; }
    public PartnershipStatus Status { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
