namespace Atlas.Core.Projects;

/// <summary>What a person or a client asks of the project list; the same filter on the page, in the API and in exports.</summary>
public sealed record ProjectFilter : ICooperationFilter
{
    public string? Query { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of a partner country.</summary>
    public string? Country { get; init; }
    /// <summary>INSEE code of a French region.</summary>
    public string? Region { get; init; }
    /// <summary>INSEE code of a French département.</summary>
    public string? Department { get; init; }
    public int? Authority { get; init; }
    /// <summary>Key of a theme at any level; matches its sub-themes too.</summary>
    public string? Theme { get; init; }
    public ProjectStatus? Status { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }

    public bool IsEmpty => this == new ProjectFilter();
}
