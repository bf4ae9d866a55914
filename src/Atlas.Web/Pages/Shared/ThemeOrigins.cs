namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What a record page says about where its themes come from (_ThemeOrigins): the labels its source gave them where the
/// atlas's one tree names them otherwise, and, for a project without a theme of its own, the themes of its partnership
/// it is shown with (a search by theme does not find it by them).
/// </summary>
public sealed record ThemeOrigins(IReadOnlyList<ThemeOrigin> Relabelled, IReadOnlyList<IReadOnlyList<ThemeNode>> Inherited)
{
    public bool IsEmpty => Relabelled.Count == 0 && Inherited.Count == 0;

    public static ThemeOrigins ForProject(Project project, ReferenceCatalog.Snapshot reference)
    {
        var own = project.Themes.OrderByDescending(t => t.IsMain).ThenBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.ThemeId)
            .Select(t => (t.ThemeId, t.SourceLabel));
        var inherited = project.Themes.Count == 0 && project.Partnership is { } partnership
            ? partnership.Themes.Select(t => (IReadOnlyList<ThemeNode>)reference.ThemePath(t.ThemeId).ToList()).Where(p => p.Count > 0).ToList()
            : [];
        return new ThemeOrigins(Mentioned(own, reference), inherited);
    }

    public static ThemeOrigins ForPartnership(Partnership partnership, ReferenceCatalog.Snapshot reference) =>
        new(Mentioned(partnership.Themes.Select(t => (t.ThemeId, t.SourceLabel)), reference), []);

    /// <summary>The themes whose source label is not the tree's own path for them: the only ones worth a mention.</summary>
    private static List<ThemeOrigin> Mentioned(IEnumerable<(int ThemeId, string? SourceLabel)> themes, ReferenceCatalog.Snapshot reference) =>
        themes
            .Where(t => !string.IsNullOrWhiteSpace(t.SourceLabel))
            .Select(t => new ThemeOrigin(t.SourceLabel!.Split(ThemeSourceLabel.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                string.Join(ThemeSourceLabel.LevelSeparator, reference.ThemePath(t.ThemeId).Select(n => n.Name))))
            .Where(o => o.TreeLabel.Length > 0 && o.SourceLabels.Any(l => !string.Equals(l, o.TreeLabel, StringComparison.Ordinal)))
            .ToList();
}
