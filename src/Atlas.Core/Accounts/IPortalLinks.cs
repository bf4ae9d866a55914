namespace Atlas.Core.Accounts;

/// <summary>Where the links inside the portal's mail start: its public address, from the settings, never from a request's Host header.</summary>
public interface IPortalLinks
{
    /// <summary>The address without a final slash (https://atlas.example.org); null when no link may be built (the setting unset outside Development).</summary>
    string? BaseUrl { get; }
}
