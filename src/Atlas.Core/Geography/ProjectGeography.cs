using Atlas.Core.Atlas;
using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Geography;

/// <summary>The number of projects of one place: a partner country (ISO alpha-2), a French region or département (INSEE).</summary>
public sealed record PlaceCount(string Code, string Name, int Projects);

/// <summary>A partner country: the projects a filter matches there, and all its partnerships (partnerships have no such filter).</summary>
public sealed record CountryPlace(string Code, string Name, int Projects, int Partnerships);

/// <summary>Where the projects a filter matches take place, for the map: partner countries, and French regions and départements of the French authorities.</summary>
/// <param name="Projects">Projects the filter matches.</param>
/// <param name="Countries">Partner countries (France left out) with matching projects or with any partnership, most projects first.</param>
/// <param name="Regions">French regions of the French authorities taking part (an authority's own region or its département's).</param>
/// <param name="Departments">French départements of the authorities that have one (communes, départements); regions have none.</param>
public sealed record ProjectGeography(
    int Projects, IReadOnlyList<CountryPlace> Countries, IReadOnlyList<PlaceCount> Regions, IReadOnlyList<PlaceCount> Departments);

public sealed class ProjectGeographyQuery(AtlasDbContext db, CountSnapshots snapshots)
{
    private static readonly StringComparer French = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);

    /// <summary>
    /// Counts for a validated filter (the same filter as the project search, so a map's click lands on the same projects).
    /// Without a filter, from the stored counts; with one, the matching projects are counted.
    /// </summary>
    public async Task<ProjectGeography> GetAsync(ProjectFilter filter, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var counts = await snapshots.GetAsync(ct).ConfigureAwait(false);
        if (filter.IsEmpty)
            return Geography(counts.Projects, counts.ProjectsByCountry, counts.PartnershipsByCountry, counts.ProjectsByRegion, counts.ProjectsByDepartment, reference);

        var projects = ProjectSearch.Filtered(db, filter, reference);
        var total = await projects.CountAsync(ct).ConfigureAwait(false);
        var countries = await AtlasCounts.CountAsync(projects.SelectMany(p => p.CountryCodes), ct).ConfigureAwait(false);
        var regions = await AtlasCounts.CountAsync(projects.SelectMany(p => p.RegionCodes), ct).ConfigureAwait(false);
        var departments = await AtlasCounts.CountAsync(projects.SelectMany(p => p.DepartmentCodes), ct).ConfigureAwait(false);
        // Partnerships have no such filter: every map shows them all, from the stored counts.
        return Geography(total, countries, counts.PartnershipsByCountry, regions, departments, reference);
    }

    private static ProjectGeography Geography(
        int total, IReadOnlyDictionary<string, int> countries, IReadOnlyDictionary<string, int> partnerships,
        IReadOnlyDictionary<string, int> regions, IReadOnlyDictionary<string, int> departments, ReferenceCatalog.Snapshot reference) =>
        new(total,
            countries.Keys.Union(partnerships.Keys)
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
