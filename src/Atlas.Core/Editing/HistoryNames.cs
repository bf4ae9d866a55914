namespace Atlas.Core.Editing;

/// <summary>
/// What a history (or a review) needs to name its records the way the forms do: a project's funding lines' positions and
/// currencies (deleted lines included), its participants' names and the currency of its total cost; and, for any record, the
/// names of the authorities, organisations and partnerships its changes refer to by id.
/// </summary>
public sealed record HistoryNames(
    string? TotalCostCurrency,
    IReadOnlyDictionary<int, (int SortOrder, string CurrencyCode)> Fundings,
    IReadOnlyDictionary<int, string> Participants,
    IReadOnlyDictionary<int, string> Authorities,
    IReadOnlyDictionary<int, string> Organisations,
    IReadOnlyDictionary<int, string> Partnerships)
{
    /// <summary>The names of a record that is not a project: only those its changes refer to by id.</summary>
    public static HistoryNames Of(IReadOnlyDictionary<int, string> authorities, IReadOnlyDictionary<int, string> organisations,
        IReadOnlyDictionary<int, string> partnerships) =>
        new(null, new Dictionary<int, (int, string)>(), new Dictionary<int, string>(), authorities, organisations, partnerships);
}
