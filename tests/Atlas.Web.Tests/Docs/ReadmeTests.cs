using System.Text.RegularExpressions;

namespace Atlas.Web.Tests.Docs;

/// <summary>README.md keeps what a newcomer needs first, and sends the rest to docs/.</summary>
public sealed partial class ReadmeTests
{
    private const string Readme = "README.md";
    private const int MaxLines = 150;

    private static string Text => Documents.Read(Readme);

    [Fact]
    public void The_README_is_under_150_lines()
    {
        var lines = Text.TrimEnd('\n').Split('\n').Length;
        Assert.True(lines < MaxLines, $"README.md has {lines} lines: move what a newcomer does not need first to docs/.");
    }

    [Fact]
    public void The_README_starts_with_the_two_commands_run_and_test()
    {
        var beforeFirstBlock = Text.Split("```", 2)[0];
        Assert.DoesNotContain("\n## ", beforeFirstBlock, StringComparison.Ordinal); // the commands come before any section
        var commands = Documents.FirstCodeBlock(Text).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        Assert.Equal(["./scripts/run.sh", "./scripts/test.sh"], commands.Take(2).Select(l => l.Split(' ', 2)[0]));
    }

    [Fact]
    public void The_README_links_to_every_document_in_docs()
    {
        var links = Documents.Links(Text).Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var documents = Directory.GetFiles(Path.Combine(Documents.Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f));
        var unlinked = documents.Where(d => !links.Contains(d)).ToList();
        Assert.True(unlinked.Count == 0, "README.md does not link to:\n" + string.Join('\n', unlinked));
    }

    [Fact]
    public void The_demo_accounts_and_password_of_the_README_are_those_of_the_source()
    {
        var section = Documents.Section(Text, "Demo accounts");
        var emails = Documents.FirstTable(section).Select(row => Documents.Spans(row[0]).Single()).ToList();
        var password = Password().Match(section).Groups[1].Value;
        Assert.NotEmpty(emails);
        Assert.NotEmpty(password);
        var source = Documents.FilesUnder("src", ".cs").Select(f => f.Text).ToList();
        var unknown = emails.Append(password).Where(value => !source.Any(text => text.Contains($"\"{value}\"", StringComparison.Ordinal))).ToList();
        Assert.True(unknown.Count == 0, "README.md's demo accounts name what no source file does:\n" + string.Join('\n', unknown));

        // And the other way: every address spelled where the demo password is (the list of demo accounts) is in the table.
        var spelled = source.Where(text => text.Contains($"\"{password}\"", StringComparison.Ordinal))
            .SelectMany(text => DemoAddress().Matches(text).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(spelled.Order(StringComparer.Ordinal), emails.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"password \*\*`([^`]+)`\*\*")]
    private static partial Regex Password();

    [GeneratedRegex(@"""([\w.-]+@atlas\.localhost)""")]
    private static partial Regex DemoAddress();
}
