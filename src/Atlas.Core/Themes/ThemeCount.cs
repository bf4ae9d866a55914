namespace Atlas.Core.Themes;

/// <summary>How many projects and partnerships fall under a theme, its sub-themes included.</summary>
public sealed record ThemeCount(int Projects, int Partnerships);
