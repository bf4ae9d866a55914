using Atlas.Core.Geography;
using Atlas.Web.Map;
using Atlas.Web.Pages.Projets;
using Microsoft.Extensions.Primitives;

namespace Atlas.Web.Pages.Carte;

/// <summary>
/// /carte: partner countries and French regions or départements coloured by their number of projects, under the same
/// theme, status and period filters as the project search, in the URL. Server-drawn SVG with the figures in tables.
/// </summary>
public sealed class CarteIndexModel(ProjectGeographyQuery geography, ReferenceCatalog catalog) : PageModel
{
    /// <summary>The project search's parameters that the map honours.</summary>
    private static readonly string[] FilterParameters = ["theme", "statut", "de", "a"];

    public const string ByDepartment = "departements";

    public SearchQuery Query { get; private set; } = null!;
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;
    public ProjectGeography? Geography { get; private set; }
    /// <summary>The France map shows départements (else regions).</summary>
    public bool ShowDepartments { get; private set; }
    public Choropleth? World { get; private set; }
    public Choropleth? France { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reference = await catalog.GetAsync(ct);
        Query = SearchQuery.Parse(new QueryCollection(FilterParameters
            .Where(Request.Query.ContainsKey)
            .ToDictionary(p => p, p => Request.Query[p], StringComparer.Ordinal)), Reference, RefusedTextInput.Of(HttpContext));
        ShowDepartments = string.Equals(Request.Query["niveau"].FirstOrDefault(), ByDepartment, StringComparison.OrdinalIgnoreCase);
        if (Query.HasErrors) return;

        var g = await geography.GetAsync(Query.Filter, Reference, ct);
        Geography = g;
        World = new Choropleth("monde", "Pays partenaires colorés selon leur nombre de projets", "projets", MapShapes.World,
            g.Countries.Select(c => new MapArea(c.Code, c.Name, c.Projects, Figure(c), $"/pays/{c.Code}", Marked: c.Partnerships > 0)),
            markedLabel: "partenariats, aucun projet retenu");
        France = ShowDepartments
            ? new Choropleth("france", "Départements colorés selon le nombre de projets de leurs collectivités", "projets", MapShapes.FranceDepartments,
                g.Departments.Select(d => new MapArea(d.Code, d.Name, d.Projects, Figure(d), Query.Url(("departement", d.Code)))))
            : new Choropleth("france", "Régions colorées selon le nombre de projets de leurs collectivités", "projets", MapShapes.FranceDepartments,
                g.Regions.Select(r => new MapArea(r.Code, r.Name, r.Projects, Figure(r), Query.Url(("region", r.Code)))),
                department => Reference.Departments.TryGetValue(department, out var d) ? d.RegionCode : null);
    }

    public static string Figure(CountryPlace c) =>
        $"{c.Name} : {Format.Count(c.Projects, "projet", "projets")}, {Format.Count(c.Partnerships, "partenariat", "partenariats")}";

    public static string Figure(PlaceCount place) => $"{place.Name} : {Format.Count(place.Projects, "projet", "projets")}";

    /// <summary>This map with other parameters (null removes one): the link of the regions/départements switch.</summary>
    public string MapUrl(bool departments)
    {
        var values = FilterParameters.Select(p => (Name: p, Value: Query.Raw(p)))
            .Append((Name: "niveau", Value: departments ? ByDepartment : null))
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.Name, v => v.Value);
        return values.Count == 0 ? "/carte" : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/carte", values);
    }

    public SelectField ThemeSelect => new("theme", "Thématique", "Toutes les thématiques", null,
        Tree(null)
            .Select(t => new SelectOption(t.Key, t.Name, Level: t.Level, Selected: string.Equals(t.Key, Query.Raw("theme"), StringComparison.OrdinalIgnoreCase)))
            .ToList(), Query.Errors("theme"));

    private IEnumerable<ThemeNode> Tree(int? parent) => Reference.Children(parent).SelectMany(t => Tree(t.Id).Prepend(t));

    public SelectField StatusSelect => new("statut", "Statut", "Tous les statuts", null,
        Enum.GetValues<ProjectStatus>().Select(s => new SelectOption(EnumCode<ProjectStatus>.ToCode(s), Labels.Status(s),
            Selected: EnumCode<ProjectStatus>.ToCode(s) == Query.Raw("statut"))).ToList(), Query.Errors("statut"));
}
