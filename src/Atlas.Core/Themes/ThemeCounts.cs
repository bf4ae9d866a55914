using Atlas.Core.Data;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Themes;

public static class ThemeCounts
{
    /// <summary>The counts of every theme that has something under it; a theme counts each project or partnership once.</summary>
    public static async Task<IReadOnlyDictionary<int, ThemeCount>> ComputeAsync(AtlasDbContext db, ReferenceCatalog.Snapshot reference, CancellationToken ct)
    {
        // projects.theme_ids already holds every ancestor of the project's own themes.
        var projects = await db.Projects.SelectMany(p => p.ThemeIds).GroupBy(t => t)
            .Select(g => new { Theme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Theme, x => x.Count, ct).ConfigureAwait(false);

        // partnership_themes holds the themes as given: a partnership also counts under their ancestors.
        var links = await db.PartnershipThemes.Select(pt => new { pt.PartnershipId, pt.ThemeId }).ToListAsync(ct).ConfigureAwait(false);
        var partnerships = links
            .SelectMany(l => reference.ThemePath(l.ThemeId).Select(node => (l.PartnershipId, ThemeId: node.Id)))
            .Distinct()
            .GroupBy(x => x.ThemeId)
            .ToDictionary(g => g.Key, g => g.Count());

        return reference.ThemesById.Keys
            .ToDictionary(id => id, id => new ThemeCount(projects.GetValueOrDefault(id), partnerships.GetValueOrDefault(id)));
    }
}
