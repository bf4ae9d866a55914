using Atlas.Core.Organisations;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>The organisation table in one format, filtered like /api/v1/organisations: its handler documents the parameters.</summary>
internal sealed class OrganisationDownload(TableDownload<OrganisationExport, OrganisationFilter> download)
{
    /// <param name="q">Words that must each be a whole word or the start of one in the name; case and accents ignored.</param>
    /// <param name="kind">association, ngo, university, agency, ministry, programme, company, school or other.</param>
    /// <param name="country">Its country, ISO 3166-1 alpha-2 (MA, FR).</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The organisation export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? country,
        HttpContext http, OrganisationExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
