namespace Atlas.Core.Fundings;

/// <summary>What a client asks of the list of funding lines.</summary>
public sealed record FundingFilter
{
    /// <summary>Part of the funder's name (authority or organisation), accents and case ignored.</summary>
    public string? Funder { get; init; }
    /// <summary>Id of the local authority that pays.</summary>
    public int? FunderAuthority { get; init; }
    /// <summary>Id of the organisation that pays.</summary>
    public int? FunderOrganisation { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of a partner country of the funded project.</summary>
    public string? Country { get; init; }
    public int? Year { get; init; }
    /// <summary>ISO 4217 code of the amount's currency.</summary>
    public string? Currency { get; init; }
    /// <summary>Id of the funded project.</summary>
    public int? Project { get; init; }
}
