namespace Atlas.Core.Reference;

/// <summary>
/// What every list of records placed in the world filters on, declared once: words, and a country, a French region or a
/// département (checked by <see cref="PlaceFilterValidator"/>). Authorities add their kind; projects and partnerships an
/// authority and a theme (<see cref="CooperationFilter"/>).
/// </summary>
public abstract record PlaceFilter
{
    /// <summary>Words that must each be a whole word or the start of one in the record's text or names, accents ignored.</summary>
    public string? Query { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of a country (a partner country; FR for French authorities).</summary>
    public string? Country { get; init; }
    /// <summary>INSEE code of a French region.</summary>
    public string? Region { get; init; }
    /// <summary>INSEE code of a French département.</summary>
    public string? Department { get; init; }
}
