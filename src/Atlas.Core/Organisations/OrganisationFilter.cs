namespace Atlas.Core.Organisations;

/// <summary>What a client asks of the organisation list.</summary>
public sealed record OrganisationFilter
{
    /// <summary>Words that must each occur in the name, accents ignored.</summary>
    public string? Query { get; init; }
    public OrganisationKind? Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of its country.</summary>
    public string? Country { get; init; }
}
