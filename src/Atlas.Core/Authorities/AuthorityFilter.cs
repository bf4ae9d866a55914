namespace Atlas.Core.Authorities;

/// <summary>What a client asks of the authority list.</summary>
public sealed record AuthorityFilter
{
    /// <summary>Words that must each occur in the name, accents ignored.</summary>
    public string? Query { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of its country (FR for French authorities).</summary>
    public string? Country { get; init; }
    public AuthorityKind? Kind { get; init; }
    /// <summary>INSEE code of a French region: the authority's own, or its département's.</summary>
    public string? Region { get; init; }
    /// <summary>INSEE code of a French département.</summary>
    public string? Department { get; init; }
}
