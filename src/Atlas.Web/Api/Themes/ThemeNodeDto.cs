namespace Atlas.Web.Api.Themes;

/// <summary>A theme of the tree with its counts and sub-themes.</summary>
/// <param name="Key">Stable key, the path of slugs (developpement-urbain/transports); usable as the theme filter of other lists.</param>
/// <param name="Name">French name.</param>
/// <param name="Level">1 (thématique), 2 (sous-thématique) or 3 (sous-sous-thématique).</param>
/// <param name="ProjectCount">Projects under this theme or one of its sub-themes, each counted once (what the projects list's theme filter returns).</param>
/// <param name="PartnershipCount">Partnerships given this theme or one of its sub-themes, each counted once.</param>
/// <param name="Children">Its sub-themes, in the tree's order.</param>
/// <param name="Url">The portal's projects under this theme.</param>
/// <param name="ProjectsApiUrl">The list of these projects in this API.</param>
/// <param name="ApiUrl">This theme in this API.</param>
public sealed record ThemeNodeDto(
    string Key, string Name, int Level, int ProjectCount, int PartnershipCount, IReadOnlyList<ThemeNodeDto> Children,
    string Url, string ProjectsApiUrl, string ApiUrl);
