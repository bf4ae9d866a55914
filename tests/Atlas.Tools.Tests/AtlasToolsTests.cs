namespace Atlas.Tools.Tests;

/// <summary>The tools' command line: a verb first, or the usage.</summary>
public sealed class AtlasToolsTests
{
    [Theory]
    [InlineData]
    [InlineData("serve")]
    [InlineData("--scale", "1")]
    [InlineData("Generate", "--scale", "1")]
    public async Task The_tools_without_a_known_verb_print_their_usage_and_exit_with_code_2(params string[] args)
    {
        Assert.Equal(2, await AtlasTools.Main(args));
    }
}
