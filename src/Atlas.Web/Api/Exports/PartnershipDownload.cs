using Atlas.Core.Partnerships;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>A partnership table in one format, filtered like /api/v1/partnerships: its handler documents the parameters.</summary>
internal sealed class PartnershipDownload(TableDownload<PartnershipExport, PartnershipFilter> download)
{
    /// <param name="q">Words that must each be a whole word or the start of one in the title or in the names of one of its authorities; case and accents ignored (fes finds Fès).</param>
    /// <param name="country">Country of one of its foreign authorities, ISO 3166-1 alpha-2 (MA).</param>
    /// <param name="region">Region of one of its French authorities, INSEE code (93).</param>
    /// <param name="department">Département of one of its French authorities, INSEE code (13, 2A).</param>
    /// <param name="authority">Id of one of its authorities, French or foreign.</param>
    /// <param name="theme">Theme key at any level, sub-themes included: a theme given to the partnership itself, never one of its projects' (developpement-urbain).</param>
    /// <param name="status">active, ended, planned, suspended or unknown.</param>
    /// <param name="signedFrom">Earliest year of signature.</param>
    /// <param name="signedTo">Latest year of signature.</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The partnership export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? q, [FromQuery] string? country, [FromQuery] string? region, [FromQuery] string? department,
        [FromQuery] string? authority, [FromQuery] string? theme, [FromQuery] string? status, [FromQuery] string? signedFrom, [FromQuery] string? signedTo,
        HttpContext http, PartnershipExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
