using System.Text.RegularExpressions;

namespace Atlas.Core.Editing;

/// <summary>
/// What changed inside a long text, word by word: a reviewer reading a 2,000-character description sees the three words
/// that changed rather than two whole paragraphs side by side. Words, runs of spaces (line breaks included, so paragraphs
/// stay where they were) and punctuation marks are compared as units, by longest common subsequence.
/// </summary>
public static partial class WordDiff
{
    /// <summary>
    /// Above this many cells (words of one text times words of the other, once the shared beginning and end are set
    /// aside) the texts are shown as replaced whole: 4 million cells take about 4 MB and 20 ms; edits change a few
    /// sentences, so the part left to compare is small.
    /// </summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Between(string? before, string? after)
    {
        var a = Tokens(before ?? "");
        var b = Tokens(after ?? "");
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var segments = new List<DiffSegment>();
        Add(segments, string.Concat(a.Take(prefix)), DiffKind.Same);
        var oldMiddle = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var newMiddle = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)oldMiddle.Count * newMiddle.Count > MaxCells)
        {
            Add(segments, string.Concat(oldMiddle), DiffKind.Removed);
            Add(segments, string.Concat(newMiddle), DiffKind.Added);
        }
        else
        {
            Middle(segments, oldMiddle, newMiddle);
        }
        Add(segments, string.Concat(a.Skip(a.Count - suffix)), DiffKind.Same);
        return segments;
    }

    private static void Middle(List<DiffSegment> segments, List<string> a, List<string> b)
    {
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Add(segments, a[x], DiffKind.Same);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                Add(segments, b[y++], DiffKind.Added);
            }
            else
            {
                Add(segments, a[x++], DiffKind.Removed);
            }
        }
        Tidy(segments);
    }

    /// <summary>
    /// A lone space kept between two changes reads as noise ("<del>a</del> <ins>b</ins> <del>c</del>"): it joins both sides,
    /// so that a changed phrase reads as one removal and one addition.
    /// </summary>
    private static void Tidy(List<DiffSegment> segments)
    {
        for (var i = 1; i < segments.Count - 1; i++)
        {
            if (segments[i].Kind != DiffKind.Same || segments[i].Text != " " || segments[i - 1].Kind == DiffKind.Same || segments[i + 1].Kind == DiffKind.Same)
                continue;
            segments[i] = new DiffSegment(" ", DiffKind.Removed);
            segments.Insert(i + 1, new DiffSegment(" ", DiffKind.Added));
        }
        // Runs of one kind, split by the step above, joined again; removals before additions within a changed run.
        var merged = new List<DiffSegment>();
        var at = 0;
        while (at < segments.Count)
        {
            if (segments[at].Kind == DiffKind.Same)
            {
                Add(merged, segments[at++].Text, DiffKind.Same);
                continue;
            }
            var removed = new System.Text.StringBuilder();
            var added = new System.Text.StringBuilder();
            for (; at < segments.Count && segments[at].Kind != DiffKind.Same; at++)
                (segments[at].Kind == DiffKind.Removed ? removed : added).Append(segments[at].Text);
            Add(merged, removed.ToString(), DiffKind.Removed);
            Add(merged, added.ToString(), DiffKind.Added);
        }
        segments.Clear();
        segments.AddRange(merged);
    }

    private static void Add(List<DiffSegment> segments, string text, DiffKind kind)
    {
        if (text.Length == 0) return;
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = new DiffSegment(segments[^1].Text + text, kind);
        else segments.Add(new DiffSegment(text, kind));
    }

    private static List<string> Tokens(string text) =>
        Token().Matches(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\s+|[\p{L}\p{N}’'-]+|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
