namespace Atlas.Web.Api.Projects;

/// <summary>A secondary theme of a project.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Priority">Its priority (1 first), when given.</param>
public sealed record OtherThemeDto(ThemeDto Theme, int? Priority);
