namespace Atlas.Web.Api.Exports;

/// <summary>What every download takes from outside the data: the day its file is named after and the address its links start with.</summary>
internal sealed class DownloadContext(TimeProvider clock, PublicBaseUrl publicBaseUrl)
{
    /// <summary>Today in France, from the clock (a test sets it).</summary>
    public DateOnly Today => Format.Day(clock.GetUtcNow());

    /// <summary>The portal's public address without final slash; see <see cref="PublicBaseUrl.ForExports"/>.</summary>
    public string BaseUrl(HttpRequest request) => publicBaseUrl.ForExports(request);
}
