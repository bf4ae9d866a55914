namespace Atlas.Core.Themes;

public static class ThemeCounts
{
    /// <summary>
    /// The counts of every theme of the tree (<paramref name="parents"/>: each theme's parent, by id); a theme counts each
    /// project or partnership once. Counted over <paramref name="projects"/> and the themes of <paramref name="partnerships"/>
    /// only, so that the stored counts can be kept by an edit over the records it touched (<c>CountUpkeep</c>); null counts
    /// none of them (an edit that touches none: no query). Without <paramref name="partnerships"/>, <paramref name="parents"/>
    /// may be null: the counts then hold the themes the projects count, which the stored counts hold already.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ThemeCount>> ComputeAsync(
        IQueryable<Project>? projects, IQueryable<PartnershipTheme>? partnerships, IReadOnlyDictionary<int, int?>? parents, CancellationToken ct)
    {
        if (partnerships is not null) ArgumentNullException.ThrowIfNull(parents);
        // projects.theme_ids already holds every ancestor of the project's own themes.
        var projectCounts = projects is null ? [] : await projects.SelectMany(p => p.ThemeIds).GroupBy(t => t)
            .Select(g => new { Theme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Theme, x => x.Count, ct).ConfigureAwait(false);

        // partnership_themes holds the themes as given: a partnership also counts under their ancestors.
        var links = partnerships is null ? [] : await partnerships.Select(pt => new { pt.PartnershipId, pt.ThemeId }).ToListAsync(ct).ConfigureAwait(false);
        var partnershipCounts = links
            .SelectMany(l => Path(l.ThemeId, parents!).Select(id => (l.PartnershipId, ThemeId: id)))
            .Distinct()
            .GroupBy(x => x.ThemeId)
            .ToDictionary(g => g.Key, g => g.Count());

        return (parents?.Keys ?? projectCounts.Keys)
            .ToDictionary(id => id, id => new ThemeCount(projectCounts.GetValueOrDefault(id), partnershipCounts.GetValueOrDefault(id)));
    }

    /// <summary>The theme and its ancestors, as <see cref="Reference.ReferenceCatalog.Snapshot.ThemePath"/> walks them.</summary>
    private static IEnumerable<int> Path(int themeId, IReadOnlyDictionary<int, int?> parents)
    {
        for (int? id = themeId; id is { } current && parents.TryGetValue(current, out var parent); id = parent) yield return current;
    }

    /// <summary>Every theme's parent, by id, as the reference catalog holds them.</summary>
    public static IReadOnlyDictionary<int, int?> Parents(Reference.ReferenceCatalog.Snapshot reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ThemesById.ToDictionary(t => t.Key, t => t.Value.ParentId);
    }

    /// <summary>Every theme's parent, by id, read from the themes table (where no reference catalog is at hand: a save).</summary>
    public static async Task<IReadOnlyDictionary<int, int?>> ParentsAsync(AtlasDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Themes.AsNoTracking().Select(t => new { t.Id, t.ParentId })
            .ToDictionaryAsync(t => t.Id, t => t.ParentId, ct).ConfigureAwait(false);
    }
}
