namespace Atlas.Core.Projects;

public sealed record ProjectFacets(
    IReadOnlyList<FacetValue> Countries, IReadOnlyList<FacetValue> Regions, IReadOnlyList<FacetValue> Departments, IReadOnlyList<FacetValue> Themes,
    IReadOnlyList<FacetValue> Statuses);
