using System.Xml.Linq;
using Atlas.Core.Data.Seeding;
using Atlas.Core.Export.Iati;

namespace Atlas.Core.Tests.Export;

public sealed class ThemeCrsMappingTests
{
    [Fact]
    public void Every_theme_of_the_tree_has_a_CRS_code_and_the_table_names_no_other()
    {
        var themes = ThemeKeys(EmbeddedData.ReadJson<List<DemoTheme>>("Atlas.Demo.themes.json"), null).ToList();
        Assert.NotEmpty(themes);
        Assert.DoesNotContain(themes, key => !ThemeCrsMapping.Codes.ContainsKey(key));
        Assert.DoesNotContain(ThemeCrsMapping.Codes.Keys, key => !themes.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_code_is_an_active_five_digit_purpose_code_of_the_IATI_Sector_list()
    {
        var sectors = XDocument.Load(Path.Combine(StandardsDirectory(), "iati-codelists", "Sector.xml"))
            .Descendants("codelist-item")
            .Where(item => (string?)item.Attribute("status") != "withdrawn")
            .Select(item => (string)item.Element("code")!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(sectors.Count > 100, "Sector.xml should list the CRS purpose codes.");

        var unknown = ThemeCrsMapping.Codes.Where(kv => kv.Value.Length != 5 || !kv.Value.All(char.IsAsciiDigit) || !sectors.Contains(kv.Value))
            .Select(kv => $"{kv.Key} → {kv.Value}").ToList();
        Assert.True(unknown.Count == 0, "Not an active code of Sector.xml: " + string.Join(", ", unknown));
        Assert.Contains(ThemeCrsMapping.NotSpecified, sectors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    public void Shares_sum_to_exactly_100(int count)
    {
        var shares = IatiActivity.Shares(Enumerable.Range(0, count).Select(i => $"C{i}").ToList());
        Assert.Equal(count, shares.Count);
        Assert.Equal(100m, shares.Sum(s => s.Percentage));
        Assert.All(shares, s => Assert.Equal(Math.Round(s.Percentage, 2), s.Percentage));
    }

    private static IEnumerable<string> ThemeKeys(IEnumerable<DemoTheme> records, string? parent)
    {
        foreach (var record in records)
        {
            var key = parent is null ? record.Key : $"{parent}/{record.Key}";
            yield return key;
            foreach (var child in ThemeKeys(record.Children ?? [], key)) yield return child;
        }
    }

    /// <summary>The published standards beside the checkout (../shared/standards from the repository root); never copied into it.</summary>
    private static string StandardsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "standards"), Path.Combine(dir.FullName, "..", "shared", "standards") })
            {
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        Assert.Fail($"The IATI standards were not found: expected shared/standards beside the checkout (../shared/standards from the repository root), " +
            $"looking up from {AppContext.BaseDirectory}.");
        return "";
    }
}
