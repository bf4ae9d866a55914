namespace Atlas.Web.Map;

/// <summary>The small maps of the country and authority pages: where a set of partner authorities are, counted per place.</summary>
public static class PartnerMaps
{
    /// <summary>French authorities by region (their own, or their département's), each region drawn from its départements.</summary>
    public static Choropleth? FranceByRegion(string id, string title, IEnumerable<LocalAuthority> authorities,
        ReferenceCatalog.Snapshot reference, Func<string, string> href) =>
        FranceByRegion(id, title, authorities.Where(a => a.IsFrench).DistinctBy(a => a.Id)
                .Select(a => a.RegionCode ?? (a.DepartmentCode is { } d && reference.Departments.TryGetValue(d, out var dep) ? dep.RegionCode : null))
                .OfType<string>().CountBy(code => code).ToDictionary(),
            reference, href);

    /// <summary>French authorities counted by region code, each region drawn from its départements.</summary>
    public static Choropleth? FranceByRegion(string id, string title, IReadOnlyDictionary<string, int> countsByRegion,
        ReferenceCatalog.Snapshot reference, Func<string, string> href)
    {
        if (countsByRegion.Count == 0) return null;
        return new Choropleth(id, title, "collectivités", MapShapes.FranceDepartments,
            countsByRegion.Select(r => Area(r.Key, reference.Regions.GetValueOrDefault(r.Key, r.Key), r.Value, href(r.Key))),
            department => reference.Departments.TryGetValue(department, out var d) ? d.RegionCode : null);
    }

    /// <summary>Foreign authorities by country.</summary>
    public static Choropleth? WorldByCountry(string id, string title, IEnumerable<LocalAuthority> authorities,
        ReferenceCatalog.Snapshot reference, Func<string, string> href)
    {
        var byCountry = authorities.Where(a => !a.IsFrench).DistinctBy(a => a.Id).CountBy(a => a.CountryCode).ToList();
        if (byCountry.Count == 0) return null;
        return new Choropleth(id, title, "collectivités", MapShapes.World,
            byCountry.Select(c => Area(c.Key, reference.CountryName(c.Key), c.Value, href(c.Key)))).ZoomTo(CountryCodes.France);
    }

    private static MapArea Area(string code, string name, int count, string href) =>
        new(code, name, count, $"{name} : {Format.Count(count, "collectivité partenaire", "collectivités partenaires")}", href);
}
