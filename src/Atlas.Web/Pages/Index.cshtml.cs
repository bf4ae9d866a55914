using Atlas.Core.Figures;

namespace Atlas.Web.Pages;

/// <summary>The home page: what the atlas is, its key figures, a search box and entry points by country and theme.</summary>
public sealed class IndexModel(AtlasFiguresQuery figuresQuery, ReferenceCatalog catalog) : PageModel
{
    public AtlasFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await figuresQuery.GetAsync(await catalog.GetAsync(ct), ct);
    }
}
