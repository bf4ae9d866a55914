namespace Atlas.Web.Pages.Projets;

/// <summary>/projets: the project search with filters, facet counts and numbered pages; every state is a shareable URL.</summary>
public sealed class ProjetsIndexModel(ProjectSearch search, QueryCorrection correction, AuthorityProfileQuery authorities, ReferenceCatalog catalog) : PageModel
{
    public SearchQuery Query { get; private set; } = null!;
    public ReferenceCatalog.Snapshot Reference { get; private set; } = null!;
    public ProjectFacets Facets { get; private set; } = null!;

    /// <summary>The results; null when the request has errors.</summary>
    public ProjectSearchResult? Result { get; private set; }

    public string? AuthorityName { get; private set; }

    /// <summary>« Vouliez-vous dire … ? »: the typed text corrected, when the search found nothing and the corrected one finds projects.</summary>
    public string? Correction { get; private set; }
    public int PageCount { get; private set; }

    /// <summary>
    /// Numbered pages go this deep (1,000 projects); further on, each page would read and skip every project before it.
    /// The filters narrow a search, and the API's cursors and the exports give every project.
    /// </summary>
    public const int MaxPages = 50;

    /// <summary>Whether some facet counts come from the sample (see <see cref="ProjectSearch"/>).</summary>
    public bool FacetsEstimated => Facets is { } f && f.Countries.Concat(f.Regions).Concat(f.Departments).Concat(f.Themes).Concat(f.Statuses).Any(v => v.Estimated);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reference = await catalog.GetAsync(ct);
        Query = SearchQuery.Parse(Request.Query, Reference, RefusedTextInput.Of(HttpContext));

        if (Query.Filter.Authority is { } authorityId)
        {
            var profile = await authorities.GetAsync(authorityId, ct);
            if (profile is null) Query.RejectAuthority("Cette collectivité n'existe pas.");
            else AuthorityName = profile.Authority.Name;
        }

        if (Query.HasErrors)
        {
            // No results with errors; the facets of the valid part still fill the selects.
            var facetsOnly = await search.SearchAsync(Query.Filter, Query.Sort, new ProjectPage(Limit: 1), withFacets: true, Reference, ct);
            Facets = facetsOnly.Facets!;
            return;
        }

        Query.Page = Math.Min(Query.Page, MaxPages);
        var result = await RunAsync(ct);
        PageCount = Math.Min(MaxPages, (result.Total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
        if (result.Items.Count == 0 && result.Total > 0 && Query.Page > PageCount)
        {
            Query.Page = PageCount;
            result = await RunAsync(ct);
        }
        Result = result;
        Facets = result.Facets!;

        if (result.Total == 0 && Query.Filter.Query is { } typed && await correction.CorrectAsync(typed, ct) is { } corrected)
        {
            var corrections = await search.SearchAsync(Query.Filter with { Query = corrected }, Query.Sort, new ProjectPage(Limit: 1), withFacets: false, Reference, ct);
            if (corrections.Total > 0) Correction = corrected;
        }
    }

    private Task<ProjectSearchResult> RunAsync(CancellationToken ct) =>
        search.SearchAsync(Query.Filter, Query.Sort, new ProjectPage(Limit: SearchQuery.PageSize, Offset: (Query.Page - 1) * SearchQuery.PageSize),
            withFacets: true, Reference, ct);

    public SelectField CountrySelect => Facet("pays", "Pays partenaire", "Tous les pays", "country", Facets.Countries,
        code => Reference.Countries.TryGetValue(code.ToUpperInvariant(), out var name) ? (code.ToUpperInvariant(), name) : null);

    public SelectField RegionSelect => Facet("region", "Région française", "Toutes les régions", "region", Facets.Regions,
        code => Reference.Regions.TryGetValue(code, out var name) ? (code, name) : null);

    public SelectField StatusSelect => Facet("statut", "Statut", "Tous les statuts", "status", Facets.Statuses,
        code => EnumCode<ProjectStatus>.TryParse(code, out var s) ? (EnumCode<ProjectStatus>.ToCode(s), Labels.Status(s)) : null);

    public SelectField ThemeSelect
    {
        get
        {
            var select = Facet("theme", "Thématique", "Toutes les thématiques", "theme", Facets.Themes,
                key => Reference.ThemesByKey.TryGetValue(key, out var node) ? (node.Key, node.Name) : null);
            var options = select.Options
                .Select(o => o with { Level = Reference.ThemesByKey.TryGetValue(o.Value, out var node) ? node.Level : 1 })
                .ToList();
            return select with { Options = options };
        }
    }

    public SelectField DepartmentSelect => Facet("departement", "Département français", "Tous les départements", "department", Facets.Departments,
        code => Reference.Departments.TryGetValue(code.ToUpperInvariant(), out var d) ? (code.ToUpperInvariant(), d.Name) : null,
        optionLabel: (code, name) => $"{code} – {name}");

    public SelectField SortSelect => new("tri", "Trier par", "", null,
        SearchQuery.Sorts.Select(s => new SelectOption(s.Code, s.Label, Selected: s.Code == Query.SortCode)).ToList(), []);

    /// <summary>A facet's values with counts; the selected value stays selected even when it has no result or does not exist.</summary>
    private SelectField Facet(string name, string label, string allLabel, string facet, IReadOnlyList<FacetValue> values, Func<string, (string Value, string Label)?> known,
        Func<string, string, string>? optionLabel = null)
    {
        var labelOf = optionLabel ?? ((_, text) => text);
        var selected = Query.Raw(name);
        var options = values
            .Select(v => new SelectOption(v.Value, labelOf(v.Value, v.Label), v.Count, Selected: string.Equals(v.Value, selected, StringComparison.OrdinalIgnoreCase), Estimated: v.Estimated))
            .ToList();
        if (selected is not null && !options.Any(o => o.Selected))
        {
            // A real value without result (count 0) stays a facet value; a typed unknown code is kept as typed.
            options.Insert(0, known(selected) is { } k ? new SelectOption(k.Value, labelOf(k.Value, k.Label), 0, Selected: true) : new SelectOption(selected, selected, Selected: true));
        }
        return new SelectField(name, label, allLabel, facet, options, Query.Errors(name));
    }
}
