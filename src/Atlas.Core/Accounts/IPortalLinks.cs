namespace Atlas.Core.Accounts;

/// <summary>Where the links inside the portal's mail start: its public address, from the settings, never from a request's Host header.</summary>
public interface IPortalLinks
{
    /// <summary>The address without a final slash (https://atlas.example.org); null when no link may be built (the setting unset outside Development).</summary>
    string? BaseUrl { get; }

    /// <summary>A link to <paramref name="path"/> in the portal, or none when no link may be built.</summary>
    string? Link(string path) => BaseUrl is { } baseUrl ? baseUrl + path : null;
}
