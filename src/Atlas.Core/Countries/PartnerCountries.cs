namespace Atlas.Core.Countries;

/// <summary>
/// What a partner country is, in one place for the home page, the statistics, the country list and the map: a country
/// other than France with at least one partnership (one of its authorities takes part) or one project (one of its
/// authorities or organisations takes part). France is the home side of every partnership, never a partner country: the
/// home page once said 40, /api/v1/stats 41 (Egypt, with a project but no partnership) and /api/v1/countries listed France
/// with the 181 partnerships it takes part in.
/// </summary>
public static class PartnerCountries
{
    public static bool IsPartner(string code, int partnerships, int projects) =>
        !IsHome(code) && (partnerships > 0 || projects > 0);

    public static bool IsHome(string code) => string.Equals(code, CountryCodes.France, StringComparison.OrdinalIgnoreCase);

    /// <summary>The partner countries among the countries counted by project and by partnership, in code order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyDictionary<string, int> projects, IReadOnlyDictionary<string, int> partnerships) =>
        projects.Keys.Union(partnerships.Keys)
            .Where(c => IsPartner(c, partnerships.GetValueOrDefault(c), projects.GetValueOrDefault(c)))
            .Order(StringComparer.Ordinal).ToList();

}
