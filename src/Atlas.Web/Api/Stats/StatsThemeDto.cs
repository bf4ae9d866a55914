namespace Atlas.Web.Api.Stats;

/// <summary>What one theme counts, its sub-themes included.</summary>
/// <param name="Key">Stable key of the theme.</param>
/// <param name="Name">French name.</param>
/// <param name="Level">1 or 2.</param>
/// <param name="ParentKey">Key of its parent theme, null at level 1.</param>
/// <param name="ProjectCount">Projects under it, each counted once.</param>
/// <param name="PartnershipCount">Partnerships under it, each counted once.</param>
/// <param name="ApiUrl">The theme in this API.</param>
public sealed record StatsThemeDto(string Key, string Name, int Level, string? ParentKey, int ProjectCount, int PartnershipCount, string ApiUrl);
