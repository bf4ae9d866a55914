using Microsoft.Extensions.Options;

namespace Atlas.Core.Freshness;

/// <summary>When a record counts as not confirmed for too long (<see cref="FreshnessOptions.StaleAfterMonths"/>).</summary>
public sealed class FreshnessRule(IOptions<FreshnessOptions> options, TimeProvider clock)
{
    public int StaleAfterMonths => Math.Max(1, options.Value.StaleAfterMonths);

    /// <summary>A record last confirmed before this instant, or never, is stale.</summary>
    public DateTimeOffset StaleBefore() => clock.GetUtcNow().AddMonths(-StaleAfterMonths);

    public bool IsStale(DateTimeOffset? confirmedAt) => confirmedAt is not { } at || at < StaleBefore();

    /// <summary>The setting in the words of the pages and the mail: « deux ans », « 18 mois ».</summary>
    public string Period => StaleAfterMonths switch
    {
        12 => "un an",
        24 => "deux ans",
        36 => "trois ans",
        var m when m % 12 == 0 => $"{m / 12} ans",
        var m => $"{m} mois",
    };
}
