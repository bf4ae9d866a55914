using Atlas.Web.Statistics;

namespace Atlas.Web.Tests.Pages;

public sealed class ChartDrawingTests
{
    [Theory]
    [InlineData(8, 2, 8)]
    [InlineData(3, 1, 3)]
    [InlineData(67, 20, 80)]
    [InlineData(72, 20, 80)]
    [InlineData(208, 50, 250)]
    [InlineData(994690, 200000, 1000000)]
    public void The_value_axis_ends_at_the_first_round_step_at_or_above_the_largest_value(int max, int step, int end)
    {
        Assert.Equal(step, ChartDrawing.NiceStep(max));
        Assert.Equal(end, ChartDrawing.NiceMax(max));
    }

    [Fact]
    public void Whatever_the_largest_value_the_axis_reaches_it_within_one_step_in_at_most_six_whole_steps()
    {
        for (var max = 1; max <= 20000; max++)
        {
            var step = ChartDrawing.NiceStep(max);
            var end = ChartDrawing.NiceMax(max);
            Assert.True(end >= max && end - max < step, $"{max}: axis to {end} by {step}");
            Assert.True(end / step <= 6 && step == decimal.Truncate(step), $"{max}: axis to {end} by {step}");
        }
    }

    [Fact]
    public void A_long_label_is_wrapped_between_words_never_cut()
    {
        var lines = ChartDrawing.Wrap("Appui institutionnel et gouvernance locale", 180);
        Assert.True(lines.Count > 1);
        Assert.Equal("Appui institutionnel et gouvernance locale", string.Join(" ", lines));
    }
}
