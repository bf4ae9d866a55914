namespace Atlas.Web.Api.Themes;

/// <summary>A theme of the three-level tree.</summary>
/// <param name="Key">Stable key, the path of slugs (e.g. <c>developpement-urbain/transports</c>); usable as the <c>theme</c> filter.</param>
/// <param name="Name">French name.</param>
/// <param name="Path">French names from the top level down to this theme.</param>
public sealed record ThemeDto(string Key, string Name, IReadOnlyList<string> Path);
