namespace Atlas.Core.Authorities;

/// <summary>
/// One page of the authority directory: its rows, how many authorities match (exactly up to the
/// <see cref="Paging.ExactCountLimit"/>, otherwise at least <see cref="Total"/>, or about <see cref="Total"/> when
/// <see cref="TotalIsEstimated"/>), the facet counts, and, when a name found nothing, the authorities whose name resembles it.
/// </summary>
public sealed record AuthorityDirectoryPage(
    IReadOnlyList<AuthorityRow> Items, int Total, bool TotalIsExact, AuthorityFacets Facets, IReadOnlyList<AuthoritySuggestion> Suggestions,
    bool TotalIsEstimated = false);
