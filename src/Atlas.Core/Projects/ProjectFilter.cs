namespace Atlas.Core.Projects;

/// <summary>What a person or a client asks of the project list; the same filter on the page, in the API and in exports.</summary>
public sealed record ProjectFilter : CooperationFilter
{
    public ProjectStatus? Status { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }

    public bool IsEmpty => this == new ProjectFilter();
}
