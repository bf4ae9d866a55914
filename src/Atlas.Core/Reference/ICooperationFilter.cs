namespace Atlas.Core.Reference;

/// <summary>What the project and the partnership filters share: words, places, an authority and a theme.</summary>
public interface ICooperationFilter
{
    string? Query { get; }
    string? Country { get; }
    string? Region { get; }
    string? Department { get; }
    int? Authority { get; }
    string? Theme { get; }
}
