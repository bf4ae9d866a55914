namespace Atlas.Core.Authorities;

/// <summary>
/// How many authorities each value of a select would give, the other filters kept: by country code, kind, region and
/// département code; estimated from one authority in <see cref="Projects.ProjectSearch.SampleRate"/> when <see cref="Estimated"/>.
/// </summary>
public sealed record AuthorityFacets(
    IReadOnlyDictionary<string, int> Countries, IReadOnlyDictionary<AuthorityKind, int> Kinds,
    IReadOnlyDictionary<string, int> Regions, IReadOnlyDictionary<string, int> Departments, bool Estimated = false);
