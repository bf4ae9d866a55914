namespace Atlas.Core.Projects;

/// <summary>A facet value with its count; <see cref="Estimated"/>: counted on a sample of the projects (see <see cref="ExactCountLimit"/>).</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Estimated = false);
