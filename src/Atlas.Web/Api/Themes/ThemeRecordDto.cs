namespace Atlas.Web.Api.Themes;

/// <summary>One theme, where it sits in the tree and what is under it.</summary>
/// <param name="Key">Stable key, the path of slugs (developpement-urbain/transports).</param>
/// <param name="Name">French name.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="Path">The themes from the top level down to this one (itself last).</param>
/// <param name="ProjectCount">Projects under this theme or one of its sub-themes, each counted once.</param>
/// <param name="PartnershipCount">Partnerships given this theme or one of its sub-themes, each counted once.</param>
/// <param name="Children">Its sub-themes with their counts, in the tree's order.</param>
/// <param name="Url">The portal's projects under this theme.</param>
/// <param name="ProjectsApiUrl">The list of these projects in this API.</param>
/// <param name="ApiUrl">This theme in this API.</param>
public sealed record ThemeRecordDto(
    string Key, string Name, int Level, IReadOnlyList<ThemeStepDto> Path, int ProjectCount, int PartnershipCount,
    IReadOnlyList<ThemeNodeDto> Children, string Url, string ProjectsApiUrl, string ApiUrl);
