namespace Atlas.Web.Api.Themes;

/// <summary>GET /api/v1/themes and /api/v1/themes/{key}: the theme tree with what falls under each theme.</summary>
internal static class ThemesEndpoints
{
    public static void MapThemesApi(this RouteGroupBuilder api)
    {
        var themes = api.MapGroup("/themes").WithTags("Themes");

        themes.MapWholeList<ThemeNodeDto>(TreeAsync, "ListThemes", "The whole theme tree, with counts",
            "The top-level themes in order, each with its sub-themes nested, and the number of projects and partnerships under each " +
                "(a theme counts those of its sub-themes, each once). The tree is small and fixed: one page, no cursor. Parameters are refused with 400.",
            []);

        // A key is a path of slugs (developpement-urbain/transports): the route takes the rest of the URL.
        themes.MapRecord<ThemeRecordDto>("/{**key}", GetAsync, "GetTheme", "One theme, its path and sub-themes, with counts",
            "The theme of this key at any level (developpement-urbain or developpement-urbain/transports), the themes above it and its sub-themes.")
            .ProducesValidationProblem();
    }

    public static string ApiUrl(string key) => $"/api/v1/themes/{key}";
    public static string Url(string key) => $"/projets?theme={key}";
    public static string ProjectsApiUrl(string key) => $"/api/v1/projects?theme={key}";

    private static async Task<IResult> TreeAsync(HttpContext http, ThemeTreeQuery tree, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var branches = await tree.GetTreeAsync(await catalog.GetAsync(ct), ct);
        return Results.Ok(new Page<ThemeNodeDto>(branches.Select(Node).ToList(), null, branches.Count, TotalIsExact: true));
    }

    /// <param name="key">The theme's key, a path of slugs (developpement-urbain/transports), case ignored.</param>
    private static async Task<IResult> GetAsync(string key, HttpContext http, ThemeTreeQuery tree, ReferenceCatalog catalog, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        key = Uri.UnescapeDataString(key).Trim('/');
        var record = await tree.GetAsync(key, await catalog.GetAsync(ct), ct);
        if (record is null) return ApiProblems.NotFound($"There is no theme {key}.");

        var branch = Node(record.Branch);
        return Results.Ok(new ThemeRecordDto(
            branch.Key, branch.Name, branch.Level,
            record.Path.Select(t => new ThemeStepDto(t.Key, t.Name, t.Level, ApiUrl(t.Key))).ToList(),
            branch.ProjectCount, branch.PartnershipCount, branch.Children, branch.Url, branch.ProjectsApiUrl, branch.ApiUrl));
    }

    private static ThemeNodeDto Node(ThemeBranch b) => new(
        b.Theme.Key, b.Theme.Name, b.Theme.Level, b.Count.Projects, b.Count.Partnerships, b.Children.Select(Node).ToList(),
        Url(b.Theme.Key), ProjectsApiUrl(b.Theme.Key), ApiUrl(b.Theme.Key));
}
