using System.Globalization;
using System.Text.RegularExpressions;
using Atlas.Web.Map;

namespace Atlas.Web.Tests.Map;

/// <summary>The shipped outlines: keyed by the right codes (world-atlas ids are ISO numeric, the atlas uses alpha-2) and complete.</summary>
public sealed partial class MapDataTests
{
    [Fact]
    public void Countries_are_keyed_by_alpha_2_codes_that_put_them_where_they_are()
    {
        var world = MapShapes.World;
        // West is left, north is up: a wrong numeric → alpha-2 mapping would swap some of these.
        Assert.True(Centre(world, "MA").X < Centre(world, "DZ").X);
        Assert.True(Centre(world, "MA").Y > Centre(world, "ES").Y);
        Assert.True(Centre(world, "US").X < Centre(world, "DE").X);
        Assert.True(Centre(world, "BR").Y > Centre(world, "US").Y);
        Assert.True(Centre(world, "JP").X > Centre(world, "CN").X);
        Assert.True(Centre(world, "SN").X < Centre(world, "ML").X);
        Assert.True(Centre(world, "LB").Y < Centre(world, "IL").Y);
        Assert.True(Centre(world, "AU").Y > Centre(world, "ID").Y);
    }

    [Fact]
    public void Every_reference_country_is_drawn_or_dotted_but_a_few_tiny_territories_and_the_french_overseas_departements()
    {
        using var csv = new StreamReader(typeof(Core.Data.AtlasDbContext).Assembly.GetManifestResourceStream("Atlas.Reference.countries.csv")!);
        var codes = csv.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var missing = codes.Where(c => !MapShapes.World.Paths.ContainsKey(c) && !MapShapes.World.Dots.ContainsKey(c)).Order().ToList();
        Assert.Equal(["BQ", "BV", "CC", "CX", "GF", "GI", "GP", "MQ", "RE", "SJ", "TK", "TV", "UM", "YT"], missing);
    }

    [Fact]
    public void France_has_its_96_metropolitan_departements_by_insee_code()
    {
        var codes = MapShapes.FranceDepartments.Codes;
        Assert.Equal(96, codes.Count);
        Assert.Contains("2A", codes);
        Assert.Contains("2B", codes);
        Assert.DoesNotContain("20", codes);
        Assert.All(codes, c => Assert.Matches("^(0[1-9]|[1-8][0-9]|9[0-5]|2[AB])$", c));
        // Finistère is the westernmost, Bas-Rhin is east of Paris, the Nord north of the Bouches-du-Rhône.
        Assert.True(Centre(MapShapes.FranceDepartments, "29").X < Centre(MapShapes.FranceDepartments, "75").X);
        Assert.True(Centre(MapShapes.FranceDepartments, "67").X > Centre(MapShapes.FranceDepartments, "75").X);
        Assert.True(Centre(MapShapes.FranceDepartments, "59").Y < Centre(MapShapes.FranceDepartments, "13").Y);
    }

    /// <summary>The centre of the bounding box of the path's first ring (absolute M, then relative l moves).</summary>
    private static (double X, double Y) Centre(ShapeSet set, string code)
    {
        var d = set.Paths[code];
        var numbers = Number().Matches(d[1..d.IndexOfAny(['z', 'm'])].Replace("l", " ", StringComparison.Ordinal))
            .Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        double x = numbers[0], y = numbers[1], minX = x, maxX = x, minY = y, maxY = y;
        for (var i = 2; i + 1 < numbers.Count; i += 2)
        {
            x += numbers[i];
            y += numbers[i + 1];
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
        }
        return ((minX + maxX) / 2, (minY + maxY) / 2);
    }

    [GeneratedRegex(@"-?(\d+\.?\d*|\.\d+)")]
    private static partial Regex Number();
}
