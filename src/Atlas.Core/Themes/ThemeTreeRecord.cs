namespace Atlas.Core.Themes;

/// <summary>One theme: its place in the tree (from the top level down to it) and its branch.</summary>
public sealed record ThemeTreeRecord(IReadOnlyList<ThemeNode> Path, ThemeBranch Branch);
