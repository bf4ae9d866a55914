namespace Atlas.Web.Api.Projects;

/// <summary>A secondary theme of a project, as edited.</summary>
/// <param name="ThemeId">Id of the theme.</param>
/// <param name="Priority">Its priority, 1 to 99 (1 first).</param>
public sealed record ThemeChoiceDto(int ThemeId, int? Priority);
