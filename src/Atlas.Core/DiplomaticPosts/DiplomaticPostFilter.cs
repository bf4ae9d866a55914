namespace Atlas.Core.DiplomaticPosts;

/// <summary>What a client asks of the list of diplomatic posts.</summary>
public sealed record DiplomaticPostFilter
{
    /// <summary>ISO 3166-1 alpha-2 code of a country the post covers.</summary>
    public string? Country { get; init; }
}
