namespace Atlas.Core.Partnerships;

/// <summary>
/// How many partnerships each value of a select would give, the other filters kept: by partner country, French region and
/// status; some estimated from one partnership in <see cref="Projects.ProjectSearch.SampleRate"/> when <see cref="Estimated"/>.
/// </summary>
public sealed record PartnershipFacets(
    IReadOnlyDictionary<string, int> Countries, IReadOnlyDictionary<string, int> Regions, IReadOnlyDictionary<PartnershipStatus, int> Statuses,
    bool Estimated = false);
