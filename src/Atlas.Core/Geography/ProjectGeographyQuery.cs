namespace Atlas.Core.Geography;

public sealed class ProjectGeographyQuery(AtlasDbContext db, CountSnapshots snapshots, ExactCountLimit? countLimit = null)
{
    private static readonly StringComparer French = FrenchOrder.Comparer;

    /// <summary>
    /// Counts for a validated filter (the same filter as the project search, so a map's click lands on the same projects).
    /// Without a filter, from the stored counts; with one, the matching projects are counted, or, past the search's exact
    /// count limit, their sample (<see cref="ProjectSearch.SampleRate"/>), so that a map of half the atlas reads a fraction of it.
    /// </summary>
    public async Task<ProjectGeography> GetAsync(ProjectFilter filter, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var counts = await snapshots.GetAsync(ct).ConfigureAwait(false);
        if (filter.IsEmpty)
            return Geography(counts.Projects, counts.ProjectsByCountry, counts.PartnershipsByCountry, counts.ProjectsByRegion, counts.ProjectsByDepartment, reference);

        return await db.WithCustomPlansAsync(() => FilteredAsync(filter, counts, reference, ct)).ConfigureAwait(false);
    }

    private async Task<ProjectGeography> FilteredAsync(ProjectFilter filter, AtlasCounts counts, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        var projects = ProjectSearch.Filtered(db, filter, reference);
        var sample = ProjectSearch.Sample(projects);
        var sampled = await sample.CountAsync(ct).ConfigureAwait(false);
        var estimated = ProjectSearch.TooManyToCount(sampled, countLimit ?? ExactCountLimit.Default);
        var counted = estimated ? sample : projects;
        async Task<IReadOnlyDictionary<string, int>> CountAsync(IQueryable<string> codes)
        {
            var found = await AtlasCounts.CountAsync(codes, ct).ConfigureAwait(false);
            return estimated ? found.ToDictionary(c => c.Key, c => ProjectSearch.Estimate(c.Value)) : found;
        }

        var total = estimated ? ProjectSearch.Estimate(sampled) : await projects.CountAsync(ct).ConfigureAwait(false);
        var countries = await CountAsync(counted.SelectMany(p => p.CountryCodes)).ConfigureAwait(false);
        var regions = await CountAsync(counted.SelectMany(p => p.RegionCodes)).ConfigureAwait(false);
        var departments = await CountAsync(counted.SelectMany(p => p.DepartmentCodes)).ConfigureAwait(false);
        // Partnerships have no such filter: every map shows them all, from the stored counts.
        return Geography(total, countries, counts.PartnershipsByCountry, regions, departments, reference) with { Estimated = estimated };
    }

    private static ProjectGeography Geography(
        int total, IReadOnlyDictionary<string, int> countries, IReadOnlyDictionary<string, int> partnerships,
        IReadOnlyDictionary<string, int> regions, IReadOnlyDictionary<string, int> departments, ReferenceCatalog.Snapshot reference) =>
        new(total,
            countries.Keys.Union(partnerships.Keys).Where(c => PartnerCountries.IsPartner(c, partnerships.GetValueOrDefault(c), countries.GetValueOrDefault(c)))
                .Select(c => new CountryPlace(c, reference.CountryName(c), countries.GetValueOrDefault(c), partnerships.GetValueOrDefault(c)))
                .OrderByDescending(c => c.Projects).ThenByDescending(c => c.Partnerships).ThenBy(c => c.Name, French).ToList(),
            Places(regions, code => reference.Regions.GetValueOrDefault(code, code)),
            Places(departments, code => reference.Departments.TryGetValue(code, out var d) ? d.Name : code));

    private static List<PlaceCount> Places(IReadOnlyDictionary<string, int> counts, Func<string, string> name)
    {
        return counts.Select(c => new PlaceCount(c.Key, name(c.Key), c.Value))
            .OrderByDescending(p => p.Projects).ThenBy(p => p.Name, French).ToList();
    }
}
