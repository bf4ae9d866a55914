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
}
