namespace Atlas.Core.Freshness;

/// <summary>Settings of the records' freshness (section Atlas:Freshness).</summary>
public sealed class FreshnessOptions
{
    public const string Section = "Atlas:Freshness";

    /// <summary>
    /// How long a record stays fresh after a person last confirmed it, in months (24: the ministry's atlas was criticised for
    /// records years old, and two years covers a partnership's usual cycle of plans and reports). Older, its public page says
    /// so, the editors' space lists it first and the monthly reminder counts it.
    /// </summary>
    public int StaleAfterMonths { get; set; } = 24;

    /// <summary>Whether this instance takes part in sending the monthly reminder (one instance of a cluster sends it).</summary>
    public bool SendReminders { get; set; } = true;
}
