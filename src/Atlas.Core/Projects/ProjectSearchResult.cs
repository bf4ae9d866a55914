namespace Atlas.Core.Projects;

/// <summary>
/// A page of results. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>, otherwise estimated from the sample
/// (more matches than <see cref="ExactCountLimit"/>); then a search by relevance lists the latest updated projects first
/// (<see cref="RankedByRecency"/>): ranking every match would cost a pass over all of them.
/// </summary>
public sealed record ProjectSearchResult(
    IReadOnlyList<ProjectSummary> Items, int Total, bool HasMore, ProjectFacets? Facets, bool TotalIsExact = true, bool RankedByRecency = false);
