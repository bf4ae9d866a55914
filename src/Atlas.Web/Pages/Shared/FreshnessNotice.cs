namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What a public record says when nobody has confirmed it for too long (_FreshnessNotice): nothing while it is fresh.
/// </summary>
/// <param name="IsStale">Not confirmed for longer than the freshness setting allows (Atlas:Freshness:StaleAfterMonths).</param>
/// <param name="ConfirmedAt">When a person last confirmed it; null when nobody has since it was loaded.</param>
/// <param name="StaleAfterMonths">The setting, as the notice names it (« plus de deux ans »).</param>
public sealed record FreshnessNotice(bool IsStale, DateTimeOffset? ConfirmedAt, int StaleAfterMonths)
{
    /// <summary>« deux ans », « 18 mois »: the setting in the words of the notice.</summary>
    public string Period => StaleAfterMonths switch
    {
        12 => "un an",
        24 => "deux ans",
        36 => "trois ans",
        var m when m % 12 == 0 => $"{m / 12} ans",
        var m => $"{m} mois",
    };
}
