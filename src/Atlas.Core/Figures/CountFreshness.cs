namespace Atlas.Core.Figures;

/// <summary>Whether this request was answered from counts older than the data: such an answer must not be cached.</summary>
public sealed class CountFreshness
{
    public bool Stale { get; internal set; }
}
