namespace Atlas.Core.Figures;

/// <summary>A top-level theme and its number of projects (its sub-themes' included).</summary>
public sealed record ThemeFigure(ThemeNode Theme, int Projects);
