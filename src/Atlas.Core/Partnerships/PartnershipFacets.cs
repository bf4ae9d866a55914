namespace Atlas.Core.Partnerships;

/// <summary>How many partnerships each value of a select would give, the other filters kept: by partner country, French region and status.</summary>
public sealed record PartnershipFacets(
    IReadOnlyDictionary<string, int> Countries, IReadOnlyDictionary<string, int> Regions, IReadOnlyDictionary<PartnershipStatus, int> Statuses);
