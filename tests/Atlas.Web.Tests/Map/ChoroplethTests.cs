using Atlas.Web.Map;

namespace Atlas.Web.Tests.Map;

public sealed class ChoroplethTests
{
    [Theory]
    [InlineData(1, "1")]
    [InlineData(4, "1|2|3|4")]
    [InlineData(7, "1|2|3 à 4|5 à 7")]
    [InlineData(37, "1 à 2|3 à 4|5 à 9|10 à 19|20 à 37")]
    [InlineData(208, "1 à 19|20 à 49|50 à 99|100 à 199|200 à 208")]
    public void The_legend_has_at_most_five_round_steps_up_to_the_largest_value(int max, string expected)
    {
        var legend = Choropleth.LegendFor(max);
        Assert.Equal(expected, string.Join("|", legend.Select(s => s.Label)));
        Assert.Equal(Enumerable.Range(1, legend.Count), legend.Select(s => s.Class));
        Assert.Equal(max, legend[^1].To);
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
