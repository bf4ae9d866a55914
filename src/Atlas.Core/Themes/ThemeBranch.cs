namespace Atlas.Core.Themes;

/// <summary>A theme with its counts and its sub-themes, each with theirs.</summary>
public sealed record ThemeBranch(ThemeNode Theme, ThemeCount Count, IReadOnlyList<ThemeBranch> Children);
