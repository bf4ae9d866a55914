using Atlas.Core.Figures;

namespace Atlas.Web.Hosting;

/// <summary>
/// A page or API answer drawn from counts older than the data (stored counts being recomputed in the background, see
/// <see cref="CountSnapshots"/>) is sent but never kept: not by the output cache, and without an ETag a client could
/// revalidate later. Keying the cache on the counts' own version instead would cost a read before every cache look-up;
/// not keeping stale answers needs nothing, and the first request after the refresh renders and caches the fresh counts.
/// </summary>
internal static class StaleCounts
{
    public static bool Served(HttpContext context) => context.RequestServices.GetService<CountFreshness>()?.Stale == true;
}
