namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What a public record says when nobody has confirmed it for too long (_FreshnessNotice): nothing while it is fresh.
/// </summary>
/// <param name="IsStale">Not confirmed for longer than the freshness setting allows (Atlas:Freshness:StaleAfterMonths).</param>
/// <param name="ConfirmedAt">When a person last confirmed it; null when nobody has since it was loaded.</param>
/// <param name="Period">The setting as the notice names it (« deux ans »).</param>
public sealed record FreshnessNotice(bool IsStale, DateTimeOffset? ConfirmedAt, string Period)
{
    /// <summary>The notice of a record last confirmed at <paramref name="confirmedAt"/>, by the portal's freshness rule.</summary>
    public static FreshnessNotice Of(Atlas.Core.Freshness.FreshnessRule rule, DateTimeOffset? confirmedAt)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.IsStale(confirmedAt), confirmedAt, rule.Period);
    }
}
