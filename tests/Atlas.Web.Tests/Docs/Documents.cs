using System.Text.RegularExpressions;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// The repository's documents as the documentation tests read them: README.md and docs/*.md, their code (inline spans and
/// fenced blocks), their links, sections and tables.
/// </summary>
public static partial class Documents
{
    /// <summary>
    /// Written by scripts/benchmark.sh: a record of measured runs (with the yardstick's own URLs), not a description of the
    /// code, so the documentation tests leave it out.
    /// </summary>
    public const string Benchmarks = "docs/benchmarks.md";

    /// <summary>The repository's root: the folder holding Atlas.sln, above the test's binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every docs/*.md but <see cref="Benchmarks"/>, as paths relative to <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["README.md", .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Select(f => "docs/" + Path.GetFileName(f))
            .Where(f => f != Benchmarks)
            .Order(StringComparer.Ordinal)];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>
    /// The code of a document: each inline code span, and each line of each fenced block, without their backticks. Text
    /// outside code is prose and is not read.
    /// </summary>
    public static IReadOnlyList<string> Code(string text)
    {
        var code = new List<string>();
        var prose = new List<string>();
        var fenced = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (fenced) code.Add(line);
            else prose.Add(line);
        }
        code.AddRange(InlineCode().Matches(string.Join('\n', prose)).Select(m => m.Groups[1].Value));
        return code;
    }

    /// <summary>The first fenced block's lines.</summary>
    public static IReadOnlyList<string> FirstCodeBlock(string text) =>
        text.Split('\n').SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToList();

    /// <summary>The targets of the document's Markdown links, such as docs/api.md or operations.md#settings.</summary>
    public static IReadOnlyList<string> Links(string text) =>
        LinkTarget().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text under the heading named <paramref name="heading"/>, up to the next heading of its level or above.</summary>
    public static string Section(string text, string heading)
    {
        var lines = text.Split('\n');
        var headings = Headings(lines);
        var start = Array.FindIndex(lines, l => headings.Contains(l) && l.TrimStart('#').Trim() == heading);
        Assert.True(start >= 0, $"No heading « {heading} »");
        var level = lines[start].TakeWhile(c => c == '#').Count();
        var end = Array.FindIndex(lines, start + 1, l => headings.Contains(l) && l.TakeWhile(c => c == '#').Count() <= level);
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The rows of the first table in <paramref name="text"/>, below its header, each split into its cells.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FirstTable(string text) =>
        text.Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'))
            .Skip(2) // the header and its |---| line
            .Select(Cells).ToList();

    /// <summary>The inline code spans of a piece of text, such as a table cell.</summary>
    public static IReadOnlyList<string> Spans(string text) => InlineCode().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The anchors GitHub gives the headings of a document: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static IReadOnlySet<string> Anchors(string text) =>
        Headings(text.Split('\n'))
            .Select(l => AnchorDropped().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet();

    /// <summary>The text of every file under <paramref name="folder"/> (relative to the root) whose name ends with one of <paramref name="extensions"/>.</summary>
    public static IEnumerable<(string Path, string Text)> FilesUnder(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    /// <summary>The heading lines: those starting with #, outside fenced blocks (where # starts a shell comment).</summary>
    private static HashSet<string> Headings(string[] lines)
    {
        var headings = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            else if (!fenced && line.StartsWith('#')) headings.Add(line);
        }
        return headings;
    }

    // A cell boundary is a | outside code spans: `a | b` stays one cell.
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var inCode = false;
        foreach (var c in row.Trim().Trim('|'))
        {
            if (c == '`') inCode = !inCode;
            if (c == '|' && !inCode)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        cells.Add(current.ToString().Trim());
        return cells;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("No Atlas.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex AnchorDropped();
}
