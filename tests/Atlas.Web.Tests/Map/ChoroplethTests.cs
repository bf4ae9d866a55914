using Atlas.Web.Map;

namespace Atlas.Web.Tests.Map;

public sealed class ChoroplethTests
{
    [Theory]
    [InlineData(new[] { 1 }, "1")]
    [InlineData(new[] { 1, 3, 4, 4 }, "1|2 à 3|4")]
    // The demo's world map: three countries with one project and Morocco with 208.
    [InlineData(new[] { 208, 1, 1, 1 }, "1|2 et plus")]
    // A spread like the full atlas's: the classes fall on round bounds and each holds places.
    [InlineData(new[] { 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 18, 22, 30, 45, 90, 400 }, "1|2 à 5|6 à 10|11 à 25|26 et plus")]
    [InlineData(new[] { 3, 7, 12, 37 }, "1 à 5|6 à 10|11 à 25|26 et plus")]
    public void The_legend_has_at_most_five_classes_on_round_bounds_computed_from_the_values(int[] values, string expected)
    {
        var legend = Choropleth.LegendFor(values);
        Assert.Equal(expected, string.Join("|", legend.Select(s => s.Label)));
        Assert.InRange(legend.Count, 1, Choropleth.Classes);
        // Contiguous from 1 to the largest value, and every class holds at least one of the values.
        Assert.Equal(1, legend[0].From);
        Assert.Equal(values.Max(), legend[^1].To);
        Assert.All(legend.Zip(legend.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
        Assert.All(legend, step => Assert.Contains(values, v => v >= step.From && v <= step.To));
        // The colours grow with the values and the last class is the darkest.
        Assert.Equal(legend.Select(s => s.Class).Order(), legend.Select(s => s.Class));
        Assert.Equal(Choropleth.Classes, legend[^1].Class);
    }

    [Fact]
    public void Every_outline_lies_inside_the_view_box_with_a_margin_finistere_and_corsica_included()
    {
        foreach (var set in new[] { MapShapes.FranceDepartments, MapShapes.World })
        {
            var v = set.ViewBox.Split(' ').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.All(set.Boxes, b =>
            {
                Assert.True(b.Value.MinX > v[0] && b.Value.MinY > v[1], $"{b.Key} starts outside {set.ViewBox}");
                Assert.True(b.Value.MaxX < v[0] + v[2] && b.Value.MaxY < v[1] + v[3], $"{b.Key} ends outside {set.ViewBox}");
            });
        }
        Assert.Contains("29", MapShapes.FranceDepartments.Boxes.Keys);
        Assert.Contains("2A", MapShapes.FranceDepartments.Boxes.Keys);
    }

    [Fact]
    public void Regions_are_drawn_from_their_departements_and_overseas_places_are_listed_as_not_drawn()
    {
        var regionOf = new Dictionary<string, string> { ["13"] = "93", ["83"] = "93", ["06"] = "93", ["75"] = "11" };
        var map = new Choropleth("test", "Test", "projets", MapShapes.FranceDepartments,
            [new MapArea("93", "Provence-Alpes-Côte d'Azur", 5, "PACA : 5", "/x"), new MapArea("01", "Guadeloupe", 2, "Guadeloupe : 2", "/y"),
             new MapArea("11", "Île-de-France", 0, "IDF : 0", "/z")],
            d => regionOf.GetValueOrDefault(d));
        Assert.Equal(["06", "13", "83"], map.ShapesOf("93"));
        Assert.Equal(["01"], map.NotDrawn.Select(a => a.Code));
        Assert.False(map.Areas.ContainsKey("11"));
        Assert.Equal("map-c5", map.CssOf(map.Areas["93"]));
    }

    [Fact]
    public void A_zoomed_map_shows_its_areas_and_leaves_far_outlines_out()
    {
        var map = new Choropleth("test", "Test", "collectivités", MapShapes.World, [new MapArea("MA", "Maroc", 3, "Maroc : 3", "/pays/MA")])
            .ZoomTo("ES");
        Assert.NotEqual(MapShapes.World.ViewBox, map.ViewBox);
        Assert.True(map.InView("MA"));
        Assert.True(map.InView("ES"));
        Assert.False(map.InView("AU"));
        Assert.False(map.InView("US"));
    }
}
