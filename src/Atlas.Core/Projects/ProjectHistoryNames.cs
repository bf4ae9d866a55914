namespace Atlas.Core.Projects;

/// <summary>
/// What a project's history needs to name its records the way the form does: each funding line's position and currency
/// (deleted lines included), its participants' names, the currency of its total cost, and the names of the authorities and
/// organisations its changes refer to by id.
/// </summary>
public sealed record ProjectHistoryNames(
    string? TotalCostCurrency,
    IReadOnlyDictionary<int, (int SortOrder, string CurrencyCode)> Fundings,
    IReadOnlyDictionary<int, string> Participants,
    IReadOnlyDictionary<int, string> Authorities,
    IReadOnlyDictionary<int, string> Organisations);
