namespace Atlas.Core.Partnerships;

/// <summary>
/// One page of the partnership directory: its partnerships, how many match (exactly up to the count limit, otherwise at least
/// <see cref="Total"/>, or about <see cref="Total"/> when <see cref="TotalIsEstimated"/>), the facet counts.
/// </summary>
public sealed record PartnershipDirectoryPage(IReadOnlyList<PartnershipItem> Items, int Total, bool TotalIsExact, PartnershipFacets Facets,
    bool TotalIsEstimated = false);
