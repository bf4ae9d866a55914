using Atlas.Core.Countries;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>The country table in one format, filtered like /api/v1/countries: its handler documents the parameters.</summary>
internal sealed class CountryDownload(TableDownload<CountryExport, CountryFilter> download)
{
    /// <param name="q">Part of the French or English name, accents and case ignored (cote finds Côte d'Ivoire).</param>
    /// <param name="all">true: every country, with or without partnerships; false (default): only those with at least one partnership.</param>
    /// <param name="hasPartnerships">true: only countries with at least one partnership; false: only those without. Given, it wins over all.</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The country export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? q, [FromQuery] string? all, [FromQuery] string? hasPartnerships,
        HttpContext http, CountryExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
