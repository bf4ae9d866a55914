using System.Globalization;
using System.Text;
using Atlas.Core.Data.Seeding;
using Atlas.Core.Themes;

namespace Atlas.Core.Tests.Themes;

/// <summary>themes.json is one tree with one node per meaning, and theme-crosswalk.csv maps every source theme onto it.</summary>
public sealed class ThemeTreeFilesTests
{
    private static readonly List<(string Key, string Name)> Tree = Flatten(EmbeddedData.ReadJson<List<DemoTheme>>("Atlas.Demo.themes.json"), null).ToList();

    [Fact]
    public void No_two_nodes_of_the_tree_have_the_same_label()
    {
        Assert.NotEmpty(Tree);
        // Compared as a reader would: case and accents ignored ("Eau et assainissement" was twice in the former tree).
        var duplicates = Tree.GroupBy(t => Folded(t.Name)).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(t => t.Key))).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_tree_holds_water_and_culture_once()
    {
        Assert.Single(Tree, t => t.Name == "Eau et assainissement");
        Assert.Single(Tree, t => Folded(t.Name).Contains("patrimoine", StringComparison.Ordinal) && !t.Key.Contains('/', StringComparison.Ordinal));
        Assert.DoesNotContain(Tree, t => t.Key is "culture" or "patrimoine" or "economie-durable");
    }

    [Fact]
    public void Every_crosswalk_entry_maps_a_source_theme_onto_a_node_of_the_tree()
    {
        var keys = Tree.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var entries = ThemeCrosswalk.BySourceKey.Values.ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains(e.TreeKey, keys));
        Assert.All(entries, e => Assert.Contains(e.Source, new[] { "repertoire-2008", "atlas-mae" }));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.SourceLabel), e.SourceKey));
        Assert.All(entries, e => Assert.True(e.SourceLabel.Length <= ThemeSourceLabel.MaxLength, e.SourceKey));
        // A source key still in the tree stands for its own node: otherwise a URL could mean two themes.
        Assert.All(entries.Where(e => keys.Contains(e.SourceKey)), e => Assert.Equal(e.SourceKey, e.TreeKey));
        // Only retired keys are redirected, and each to a node of the tree.
        Assert.All(entries, e => Assert.Equal(keys.Contains(e.SourceKey) ? null : e.TreeKey, ThemeCrosswalk.Replacement(e.SourceKey)));
        Assert.Contains(entries, e => ThemeCrosswalk.Replacement(e.SourceKey) is not null);
    }

    [Fact]
    public void The_crosswalk_file_has_one_row_per_source_key()
    {
        var rows = EmbeddedData.ReadCsv(ThemeCrosswalk.Resource);
        Assert.Equal(rows.Count, rows.Select(r => r["source_key"]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(rows.Count, ThemeCrosswalk.BySourceKey.Count);
    }

    [Fact]
    public void Every_theme_key_the_demo_files_use_is_a_source_theme_of_the_crosswalk()
    {
        // So that every demo record keeps the label its source gave its themes.
        var files = EmbeddedData.Names("Atlas.Demo.")
            .Where(n => n is not ("Atlas.Demo.themes.json" or "Atlas.Demo.posts.json" or "Atlas.Demo.synthesis-themes.json"))
            .Select(EmbeddedData.ReadJson<DemoFile>);
        var used = files.SelectMany(f => f.Partnerships ?? []).SelectMany(p => p.Projects ?? [])
            .SelectMany(p => (p.OtherThemes ?? []).Select(t => t.Theme).Append(p.MainTheme))
            .Concat(EmbeddedData.ReadJson<Dictionary<string, List<string>>>("Atlas.Demo.synthesis-themes.json").Values.SelectMany(v => v))
            .OfType<string>().Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(ThemeCrosswalk.BySourceKey.ContainsKey(key), $"{key} is not in theme-crosswalk.csv"));
    }

    private static IEnumerable<(string Key, string Name)> Flatten(IEnumerable<DemoTheme> nodes, string? parent) =>
        nodes.SelectMany(n =>
        {
            var key = parent is null ? n.Key : $"{parent}/{n.Key}";
            return Flatten(n.Children ?? [], key).Prepend((key, n.Name));
        });

    private static string Folded(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .ToLowerInvariant();
}
