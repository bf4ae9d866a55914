namespace Atlas.Core.Countries;

/// <summary>What a client asks of the country list.</summary>
public sealed record CountryFilter
{
    /// <summary>Part of the French or English name, accents and case ignored.</summary>
    public string? Query { get; init; }
    /// <summary>True: only countries with a partnership; false: only those without; null: every country.</summary>
    public bool? HasPartnerships { get; init; }
    /// <summary>True: only partner countries (see <see cref="PartnerCountries"/>); false: only the others; null: every country.</summary>
    public bool? IsPartner { get; init; }
}
