namespace Atlas.Core.Themes;

/// <summary>The three-level theme tree with the number of projects and partnerships under each theme (from the stored counts).</summary>
public sealed class ThemeTreeQuery(CountSnapshots snapshots)
{
    /// <summary>The top-level themes in their order, each with its sub-themes.</summary>
    public async Task<IReadOnlyList<ThemeBranch>> GetTreeAsync(ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        var counts = (await snapshots.GetAsync(ct).ConfigureAwait(false)).Themes;
        return Branches(null, reference, counts);
    }

    /// <summary>The theme of this key (any level, case ignored), or null.</summary>
    public async Task<ThemeTreeRecord?> GetAsync(string key, ReferenceCatalog.Snapshot reference, CancellationToken ct = default)
    {
        if (!reference.ThemesByKey.TryGetValue(key, out var node)) return null;
        var counts = (await snapshots.GetAsync(ct).ConfigureAwait(false)).Themes;
        return new ThemeTreeRecord(reference.ThemePath(node.Id).ToList(), Branch(node, reference, counts));
    }

    private static List<ThemeBranch> Branches(int? parentId, ReferenceCatalog.Snapshot reference, IReadOnlyDictionary<int, ThemeCount> counts) =>
        reference.Children(parentId).Select(t => Branch(t, reference, counts)).ToList();

    private static ThemeBranch Branch(ThemeNode node, ReferenceCatalog.Snapshot reference, IReadOnlyDictionary<int, ThemeCount> counts) =>
        new(node, counts.GetValueOrDefault(node.Id) ?? new ThemeCount(0, 0), Branches(node.Id, reference, counts));
}
