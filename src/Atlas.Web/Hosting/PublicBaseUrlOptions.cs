namespace Atlas.Web.Hosting;

/// <summary>
/// <c>Atlas:PublicBaseUrl</c> (<c>Atlas__PublicBaseUrl</c>): the portal's public address, such as https://atlas.example.org,
/// that absolute links to it start with: the links of account mail and the links inside exports.
/// </summary>
public sealed class PublicBaseUrlOptions
{
    public const string Setting = "Atlas:PublicBaseUrl";
    public const string EnvironmentVariable = "Atlas__PublicBaseUrl";
    public const string Rule = $"{EnvironmentVariable} ({Setting}) must be an absolute http or https address without query, fragment or user name, such as https://atlas.example.org";

    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Unset (empty), or an absolute http or https address with neither query nor fragment nor user name. A path is kept, for a
    /// portal served under one (https://example.org/atlas).
    /// </summary>
    public static bool IsValid(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            && !value.Contains('?', StringComparison.Ordinal) && !value.Contains('#', StringComparison.Ordinal);
}
