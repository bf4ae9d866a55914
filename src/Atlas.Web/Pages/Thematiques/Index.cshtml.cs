namespace Atlas.Web.Pages.Thematiques;

/// <summary>/thematiques: the theme tree with the number of projects and partnerships under each theme (the stored counts: one read whatever the size of the atlas).</summary>
public sealed class ThematiquesIndexModel(ThemeTreeQuery tree, ReferenceCatalog catalog) : PageModel
{
    public IReadOnlyList<ThemeBranch> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct);
        Tree = await tree.GetTreeAsync(reference, ct);
    }

    public static string ProjectsUrl(ThemeNode theme) => $"/projets?theme={Uri.EscapeDataString(theme.Key)}";

    public static string PartnershipsUrl(ThemeNode theme) => $"/partenariats?theme={Uri.EscapeDataString(theme.Key)}";
}
