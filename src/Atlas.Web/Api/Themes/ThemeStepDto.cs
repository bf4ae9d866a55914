namespace Atlas.Web.Api.Themes;

/// <summary>A step of a theme's path.</summary>
/// <param name="Key">Stable key of the theme.</param>
/// <param name="Name">French name.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="ApiUrl">This theme in this API.</param>
public sealed record ThemeStepDto(string Key, string Name, int Level, string ApiUrl);
