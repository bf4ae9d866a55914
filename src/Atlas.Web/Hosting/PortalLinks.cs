namespace Atlas.Web.Hosting;

/// <summary>The links of Core's mail start where <see cref="PublicBaseUrl"/> says: during a request as for account mail, outside one the setting alone.</summary>
internal sealed class PortalLinks(PublicBaseUrl publicBaseUrl, IHttpContextAccessor http) : IPortalLinks
{
    public string? BaseUrl => http.HttpContext?.Request is { } request ? publicBaseUrl.For(request) : publicBaseUrl.Configured;
}
