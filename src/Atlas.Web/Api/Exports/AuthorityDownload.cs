using Atlas.Core.Authorities;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>The authority table in one format, filtered like /api/v1/authorities: its handler documents the parameters.</summary>
internal sealed class AuthorityDownload(TableDownload<AuthorityExport, AuthorityFilter> download)
{
    /// <param name="q">Words that must each be a whole word or the start of one in the name or other names; case and accents ignored (fes finds Commune urbaine de Fès, jedida finds El Jadida, opole does not find Nantes Métropole).</param>
    /// <param name="country">Its country, ISO 3166-1 alpha-2 (MA; FR for French authorities).</param>
    /// <param name="kind">Kind of authority: commune, departement, region, communaute-urbaine, communaute-agglomeration, metropole, commune-urbaine, commune-rurale, province, prefecture, conseil-regional, gouvernorat, union-municipalites, cercle, wilaya, land or other.</param>
    /// <param name="region">French region, INSEE code (93): the authority's own region or its département's.</param>
    /// <param name="department">French département, INSEE code (13, 2A).</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The authority export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync(
        [FromQuery] string? q, [FromQuery] string? country, [FromQuery] string? kind, [FromQuery] string? region, [FromQuery] string? department,
        HttpContext http, AuthorityExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
