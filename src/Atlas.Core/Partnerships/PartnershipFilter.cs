namespace Atlas.Core.Partnerships;

/// <summary>
/// What a client asks of the partnership list: the shared criteria read on the partnership (words in its title or its
/// authorities' names; places of its authorities; its own themes, never its projects'), its status and years of signature.
/// </summary>
public sealed record PartnershipFilter : CooperationFilter
{
    public PartnershipStatus? Status { get; init; }
    public int? SignedFrom { get; init; }
    public int? SignedTo { get; init; }
}
