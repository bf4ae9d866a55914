namespace Atlas.Core.Figures;

public sealed class AtlasFiguresQuery(CountSnapshots snapshots)
{
    private static readonly StringComparer French = FrenchOrder.Comparer;

    public async Task<AtlasFigures> GetAsync(ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var counts = await snapshots.GetAsync(ct).ConfigureAwait(false);
        var byCountry = counts.PartnerCountries
            .Select(c => new CountryCount(c, reference.CountryName(c), counts.ProjectsByCountry.GetValueOrDefault(c), counts.PartnershipsByCountry.GetValueOrDefault(c)))
            .OrderByDescending(c => c.Partnerships).ThenBy(c => c.Name, French)
            .ToList();
        var themes = reference.Children(null)
            .Select(t => new ThemeFigure(t, counts.Themes.GetValueOrDefault(t.Id)?.Projects ?? 0))
            .Where(t => t.Projects > 0)
            .ToList();
        return new AtlasFigures(counts.Projects, counts.Partnerships, counts.FrenchAuthorities, counts.ForeignAuthorities, byCountry.Count, byCountry, themes);
    }
}
