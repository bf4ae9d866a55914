using Atlas.Core.Fundings;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>The funding table in one format, filtered like /api/v1/fundings: its handler documents the parameters.</summary>
internal sealed class FundingDownload(TableDownload<FundingExport, FundingFilter> download)
{
    /// <param name="funder">Part of the funder's name (authority or organisation), accents and case ignored (region finds Région).</param>
    /// <param name="funderAuthority">Id of the local authority that pays.</param>
    /// <param name="funderOrganisation">Id of the organisation that pays.</param>
    /// <param name="country">Partner country of the funded project, ISO 3166-1 alpha-2 (MA).</param>
    /// <param name="year">Year of the funding.</param>
    /// <param name="currency">Currency of the amount, ISO 4217 (EUR, MAD).</param>
    /// <param name="project">Id of the funded project.</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The funding export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? funder, [FromQuery] string? funderAuthority, [FromQuery] string? funderOrganisation, [FromQuery] string? country,
        [FromQuery] string? year, [FromQuery] string? currency, [FromQuery] string? project,
        HttpContext http, FundingExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
