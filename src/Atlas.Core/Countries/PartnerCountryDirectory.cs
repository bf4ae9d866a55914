namespace Atlas.Core.Countries;

/// <summary>
/// The /pays directory: every partner country (a country with a partnership or a project; France, the home side of every
/// partnership, never is one) with its counts. The counts are the stored ones of the home page and the statistics
/// (<see cref="CountSnapshots"/>), so the three agree and the directory reads one row whatever the size of the atlas;
/// a few hundred countries at most are then filtered and sorted in memory, names in French order.
/// </summary>
public sealed class PartnerCountryDirectory(CountSnapshots snapshots)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly StringComparer FrenchOrder = StringComparer.Create(French, CompareOptions.None);

    /// <summary>The partner countries the filter's name matches (French or English name, case and accents ignored), in the order asked.</summary>
    public async Task<IReadOnlyList<PartnerCountryRow>> ListAsync(CountryFilter filter, PartnerCountrySort sort, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(reference);
        var counts = await snapshots.GetAsync(ct).ConfigureAwait(false);
        var rows = counts.PartnershipsByCountry.Keys.Concat(counts.ProjectsByCountry.Keys)
            .Where(code => code != CountryCodes.France && reference.Countries.ContainsKey(code))
            .Distinct(StringComparer.Ordinal)
            .Select(code => new PartnerCountryRow(code, reference.Countries[code],
                counts.PartnershipsByCountry.GetValueOrDefault(code), counts.ProjectsByCountry.GetValueOrDefault(code)))
            .Where(r => r.Partnerships > 0 || r.Projects > 0);

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var typed = filter.Query.Trim();
            rows = rows.Where(r => Contains(r.Name, typed) || Contains(r.Code, typed));
        }

        return sort switch
        {
            PartnerCountrySort.Partnerships => rows.OrderByDescending(r => r.Partnerships).ThenBy(r => r.Name, FrenchOrder).ToList(),
            PartnerCountrySort.Projects => rows.OrderByDescending(r => r.Projects).ThenBy(r => r.Name, FrenchOrder).ToList(),
            _ => rows.OrderBy(r => r.Name, FrenchOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
        };
    }

    private static bool Contains(string text, string typed) =>
        French.CompareInfo.IndexOf(text, typed, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
