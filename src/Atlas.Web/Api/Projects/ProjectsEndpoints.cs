using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Api.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Projects;

/// <summary>GET /api/v1/projects and /api/v1/projects/{id}: the same search and record as the portal's pages.</summary>
internal static class ProjectsEndpoints
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapList<ProjectListItemDto>(ListAsync, "ListProjects", "Search projects",
            "Projects matching every filter given, a page at a time in the requested order: pass the answer's nextCursor as cursor to get the next page. " +
                "Filters mean the same as on the portal's /projets page. Unknown parameters are refused with 400.");

        projects.MapRecord<ProjectDto>("/{id:int}", GetAsync, "GetProject", "One project's whole record",
            "Every field of the project's record, with its participants, themes, funding lines, contacts, volunteers and the embassies following its partner countries.");
    }

    /// <param name="q">Words that must each be a whole word or the start of one in the project's text, its authorities' names (other names included), places and themes; case and accents ignored (fes finds Fès, marrak finds Marrakech, opole does not find Métropole).</param>
    /// <param name="country">Partner country, ISO 3166-1 alpha-2 (MA).</param>
    /// <param name="region">French region, INSEE code (93).</param>
    /// <param name="department">French département, INSEE code (13, 2A).</param>
    /// <param name="authority">Id of a taking-part authority, French or foreign.</param>
    /// <param name="theme">Theme key at any level; includes its sub-themes (developpement-urbain).</param>
    /// <param name="status">planned, ongoing or completed.</param>
    /// <param name="yearFrom">Earliest start year.</param>
    /// <param name="yearTo">Latest start year.</param>
    /// <param name="sort">id (default), title, startYear or updatedAt; prefix with - for descending order (-updatedAt).</param>
    /// <param name="limit">Page size, 1 to 100 (default 20).</param>
    /// <param name="cursor">The nextCursor of the previous page (with the same sort).</param>
    /// <param name="http">The request.</param>
    /// <param name="search">The search service.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> ListAsync(
        [FromQuery] string? q, [FromQuery] string? country, [FromQuery] string? region, [FromQuery] string? department,
        [FromQuery] string? authority, [FromQuery] string? theme, [FromQuery] string? status, [FromQuery] string? yearFrom, [FromQuery] string? yearTo,
        [FromQuery] string? sort, [FromQuery] string? limit, [FromQuery] string? cursor,
        HttpContext http, ProjectSearch search, ReferenceCatalog catalog, CancellationToken ct)
    {
        // The parameters above describe the API; the query string is read as a whole so that a bad or unknown one is named.
        var reference = await catalog.GetAsync(ct);
        var query = new ApiQuery(http.Request.Query);
        if (!query.TryReadList(read => ReadFilter(read, reference), ProjectSearch.Sorts, "id", out var filter, out var request)) return query.Problem();

        var page = await search.ListAsync(filter, request, reference, ct);
        return ListAnswer.Ok(page, p => ProjectDtoMapping.ToListItem(p, reference));
    }

    /// <summary>The project filter of a query string, checked by the same validator as the portal's; null with errors.</summary>
    internal static ProjectFilter? ReadFilter(ApiQuery query, ReferenceCatalog.Snapshot reference)
    {
        var filter = new ProjectFilter
        {
            Query = query.Text("q"),
            Country = query.Text("country")?.ToUpperInvariant(),
            Region = query.Text("region"),
            Department = query.Text("department")?.ToUpperInvariant(),
            Authority = query.Integer("authority", 1, int.MaxValue),
            Theme = query.Text("theme"),
            Status = query.Code<ProjectStatus>("status"),
            YearFrom = query.Integer("yearFrom", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
            YearTo = query.Integer("yearTo", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
        };
        return query.Check(filter, new ProjectFilterValidator(reference), ProjectFilterValidator.English) ? filter : null;
    }

    /// <param name="id">The project's id.</param>
    /// <param name="http">The request.</param>
    /// <param name="documents">The record's document, built by PostgreSQL in the shape <see cref="ProjectDto"/> describes.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<IResult> GetAsync(int id, HttpContext http, ProjectDocumentQuery documents, CancellationToken ct)
    {
        if (ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        var document = await documents.GetAsync(id, ct);
        return document is null ? ApiProblems.NotFound($"There is no project {id}.") : new JsonDocumentResult(document);
    }
}
