using Atlas.Core.Data;

namespace Atlas.Core.Tests.Data;

/// <summary>The words of a search: whole words of letters and digits, whatever else the text holds.</summary>
public sealed class SearchWordsTests
{
    [Theory]
    [InlineData("eau\uFFFEpotable", new[] { "eau", "potable" })]
    [InlineData("\uFFFE", new string[0])]
    [InlineData("fès\uFDD0 rabat\uFFFF", new[] { "fès", "rabat" })]
    [InlineData("eau\uD800potable", new[] { "eau", "potable" })]
    [InlineData("Saint-E\u0301tienne", new[] { "Saint", "Étienne" })]
    public void Noncharacters_and_unpaired_surrogates_separate_words_instead_of_failing(string typed, string[] expected)
    {
        Assert.Equal(expected, SearchWords.Of(typed).Select(w => w.Text));
    }

    [Theory]
    [InlineData("&\u0354", new string[0])]
    [InlineData("eau \u0354\u0354 potable", new[] { "eau", "potable" })]
    [InlineData("l\u02BCeau", new[] { "l", "eau" })]
    [InlineData("\u0149", new string[0])]
    [InlineData("Fe\u0300s", new[] { "Fès" })]
    public void Only_letters_that_stay_letters_once_unaccented_make_words(string typed, string[] expected)
    {
        Assert.Equal(expected, SearchWords.Of(typed).Select(w => w.Text));
    }
}
