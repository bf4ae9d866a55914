using System.Collections.Frozen;
using Atlas.Core.Data.Seeding;

namespace Atlas.Core.Themes;

/// <summary>
/// The crosswalk from each source's theme vocabulary to the atlas's one tree (Data/Demo/theme-crosswalk.csv). The 2008
/// répertoire and the ministry's atlas classify with trees of their own that overlap ("Eau &amp; assainissement" under two
/// domains, "Culture" and "Patrimoine" beside "Culture et Patrimoine"); the atlas keeps one node per meaning, each record
/// keeps the label its source gave, and the keys of the former trees still lead to the node that replaced them.
/// </summary>
public static class ThemeCrosswalk
{
    internal const string Resource = "Atlas.Themes.theme-crosswalk.csv";

    private static readonly Lazy<FrozenDictionary<string, ThemeCrosswalkEntry>> Table = new(() =>
        EmbeddedData.ReadCsv(Resource)
            .Select(r => new ThemeCrosswalkEntry(r["source"], r["source_key"], r["source_label"], r["tree_key"]))
            .ToFrozenDictionary(e => e.SourceKey, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every entry, by source key (a key is unique across the sources, case ignored).</summary>
    public static IReadOnlyDictionary<string, ThemeCrosswalkEntry> BySourceKey => Table.Value;

    /// <summary>
    /// The tree key a retired key now stands for: a key of a source's vocabulary that the tree no longer has (a source key
    /// still in the tree maps onto itself, which a test checks). Null when the key is not a retired one, case ignored.
    /// </summary>
    public static string? Replacement(string key) =>
        Table.Value.TryGetValue(key, out var entry) && !string.Equals(entry.TreeKey, entry.SourceKey, StringComparison.OrdinalIgnoreCase)
            ? entry.TreeKey : null;
}
