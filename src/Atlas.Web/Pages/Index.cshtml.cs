using Atlas.Core.Atlas;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages;

/// <summary>The home page: what the atlas is, its key figures, a search box and entry points by country and theme.</summary>
public sealed class IndexModel(AtlasFiguresQuery figuresQuery, ProjectSearch search, ReferenceCatalog catalog) : PageModel
{
    public AtlasFigures Figures { get; private set; } = null!;

    /// <summary>Level-1 themes that have projects, with their project counts.</summary>
    public IReadOnlyList<(ThemeNode Theme, int Count)> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        Figures = await figuresQuery.GetAsync(ct);
        var all = await search.SearchAsync(new ProjectFilter(), ProjectSort.Title, new ProjectPage(Limit: 1), withFacets: true, reference, ct);
        var counts = all.Facets!.Themes.ToDictionary(t => t.Value, t => t.Count, StringComparer.OrdinalIgnoreCase);
        Themes = reference.Children(null)
            .Select(t => (t, counts.GetValueOrDefault(t.Key)))
            .Where(t => t.Item2 > 0)
            .ToList();
    }
}
