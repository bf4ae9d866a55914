namespace Atlas.Web.Api.Projects;

/// <summary>GET /api/v1/projects and /api/v1/projects/{id}: the same search and record as the portal's pages.</summary>
internal static class ProjectsEndpoints
{
    /// <summary>The filters of the list, its downloads and their documentation.</summary>
    internal static readonly IReadOnlyList<ApiParameter> Filters =
    [
        new("q", "Words that must each be a whole word or the start of one in the project's text, its authorities' names (other names included), places and themes; case and accents ignored (fes finds Fès, marrak finds Marrakech, opole does not find Métropole)."),
        new("country", "Partner country, ISO 3166-1 alpha-2 (MA)."),
        new("region", "French region, INSEE code (93)."),
        new("department", "French département, INSEE code (13, 2A)."),
        new("authority", "Id of a taking-part authority, French or foreign."),
        new("theme", "Theme key at any level; includes its sub-themes (developpement-urbain)."),
        new("status", "planned, ongoing or completed."),
        new("yearFrom", "Earliest start year."),
        new("yearTo", "Latest start year."),
    ];

    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapList<ProjectListItemDto>(ListAsync, "ListProjects", "Search projects",
            "Projects matching every filter given. Filters mean the same as on the portal's /projets page.",
            Filters, "id (default), title, startYear or updatedAt", "-updatedAt");

        projects.MapRecord<ProjectDto>("/{id:int}", GetAsync, "GetProject", "One project's whole record",
            "Every field of the project's record, with its participants, themes, funding lines, contacts, volunteers and the embassies following its partner countries.");
    }

    private static Task<IResult> ListAsync(HttpContext http, ProjectSearch search, ReferenceCatalog catalog, CancellationToken ct) =>
        ListAnswer.ReadAsync(http, catalog, ReadFilter, ProjectSearch.Sorts, (filter, request, reference) => search.ListAsync(filter, request, reference, ct),
            ProjectDtoMapping.ToListItem, ct);

    /// <summary>The project filter of a query string, checked by the same validator as the portal's; null with errors.</summary>
    internal static ProjectFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = query.Cooperation().Onto(new ProjectFilter
        {
            Status = query.Code<ProjectStatus>("status"),
            YearFrom = query.Integer("yearFrom", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
            YearTo = query.Integer("yearTo", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
        });
        return query.Check(filter, new ProjectFilterValidator(reference), ProjectFilterValidator.English) ? filter : null;
    }

    /// <param name="id">The project's id.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, ProjectDocumentQuery documents, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var document = await documents.GetAsync(id, ct);
        return document is null ? ApiProblems.NotFound($"There is no project {id}.") : new JsonDocumentResult(document);
    }
}
