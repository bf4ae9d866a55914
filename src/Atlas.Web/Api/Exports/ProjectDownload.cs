using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>A project table in one format, filtered like /api/v1/projects: its handler documents the parameters.</summary>
internal sealed class ProjectDownload(TableDownload<ProjectExport, ProjectFilter> download)
{
    /// <param name="q">Words that must each be a whole word or the start of one in the project's text, its authorities' names (other names included), places and themes; case and accents ignored (fes finds Fès, marrak finds Marrakech, opole does not find Métropole).</param>
    /// <param name="country">Partner country, ISO 3166-1 alpha-2 (MA).</param>
    /// <param name="region">French region, INSEE code (93).</param>
    /// <param name="department">French département, INSEE code (13, 2A).</param>
    /// <param name="authority">Id of a taking-part authority, French or foreign.</param>
    /// <param name="theme">Theme key at any level; includes its sub-themes (developpement-urbain).</param>
    /// <param name="status">planned, ongoing or completed.</param>
    /// <param name="yearFrom">Earliest start year.</param>
    /// <param name="yearTo">Latest start year.</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The project export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? q, [FromQuery] string? country, [FromQuery] string? region, [FromQuery] string? department,
        [FromQuery] string? authority, [FromQuery] string? theme, [FromQuery] string? status, [FromQuery] string? yearFrom, [FromQuery] string? yearTo,
        HttpContext http, ProjectExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
