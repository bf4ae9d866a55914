using Atlas.Core.Accounts;

namespace Atlas.Web.Tests.Mail;

/// <summary>Links starting from a fixed address, for Core's services used without a web host.</summary>
public sealed class FixedPortalLinks(string? baseUrl) : IPortalLinks
{
    public string? BaseUrl { get; } = baseUrl;
}
