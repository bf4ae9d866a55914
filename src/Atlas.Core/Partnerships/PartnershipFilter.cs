namespace Atlas.Core.Partnerships;

/// <summary>What a client asks of the partnership list.</summary>
public sealed record PartnershipFilter : ICooperationFilter
{
    /// <summary>Words that must each occur in the title or in the name of one of its authorities, accents ignored.</summary>
    public string? Query { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the country of one of its foreign authorities.</summary>
    public string? Country { get; init; }
    /// <summary>INSEE code of the region of one of its French authorities.</summary>
    public string? Region { get; init; }
    /// <summary>INSEE code of the département of one of its French authorities.</summary>
    public string? Department { get; init; }
    /// <summary>Id of one of its authorities.</summary>
    public int? Authority { get; init; }
    /// <summary>Key of a theme at any level, sub-themes included: one of the partnership's own themes (its projects' themes do not count).</summary>
    public string? Theme { get; init; }
    public PartnershipStatus? Status { get; init; }
    public int? SignedFrom { get; init; }
    public int? SignedTo { get; init; }
}
