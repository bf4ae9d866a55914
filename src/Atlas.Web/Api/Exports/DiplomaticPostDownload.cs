using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Reference;
using Microsoft.AspNetCore.Mvc;

namespace Atlas.Web.Api.Exports;

/// <summary>A diplomatic post table in one format, filtered like /api/v1/diplomatic-posts: its handler documents the parameters.</summary>
internal sealed class DiplomaticPostDownload(TableDownload<DiplomaticPostExport, DiplomaticPostFilter> download)
{
    /// <param name="country">A country the post follows, ISO 3166-1 alpha-2 (MA).</param>
    /// <param name="http">The request.</param>
    /// <param name="export">The post export.</param>
    /// <param name="catalog">Reference data.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<IResult> GetAsync([FromQuery] string? country, HttpContext http, DiplomaticPostExport export, ReferenceCatalog catalog, CancellationToken ct) =>
        download.RespondAsync(http, export, catalog, ct);
}
