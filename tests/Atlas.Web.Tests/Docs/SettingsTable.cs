using System.Text.RegularExpressions;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// The table of settings in docs/operations.md, and how a setting's documented name (an environment variable, or a
/// command-line option such as --urls) becomes the configuration key the app reads.
/// </summary>
public static partial class SettingsTable
{
    public const string Document = "docs/operations.md";
    public const string Heading = "Settings";

    /// <summary>Every setting of the table, in its order: the name as written and the configuration key.</summary>
    public static IReadOnlyList<(string Name, string Key)> Settings { get; } = Read();

    /// <summary>The configuration keys of the table, compared as configuration compares them (case aside).</summary>
    public static IReadOnlySet<string> Keys { get; } = Settings.Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The configuration key of a setting's name: <c>Atlas__Mail__From</c> is <c>Atlas:Mail:From</c>; ASP.NET Core takes
    /// <c>ASPNETCORE_</c> variables without their prefix (<c>ASPNETCORE_HTTPS_PORT</c> is <c>HTTPS_PORT</c>); <c>--urls</c> is
    /// <c>urls</c>; <c>--Atlas:DemoData</c> is <c>Atlas:DemoData</c>.
    /// </summary>
    public static string KeyOf(string name) =>
        name.StartsWith("--", StringComparison.Ordinal) ? name[2..]
        : name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ? name["ASPNETCORE_".Length..]
        : name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// The settings named in a text, as configuration keys: <c>Atlas__…</c>, <c>Atlas:…</c>, <c>ConnectionStrings__…</c>,
    /// <c>Logging__…</c>, <c>Serilog__…</c> and <c>ASPNETCORE_…</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Key)> NamedIn(string text) =>
        SettingName().Matches(text).Select(m => m.Value.TrimEnd('.', '_', ':')).Select(n => (n, KeyOf(n)));

    private static List<(string, string)> Read()
    {
        var rows = Documents.FirstTable(Documents.Section(Documents.Read(Document), Heading));
        Assert.NotEmpty(rows);
        var settings = new List<(string, string)>();
        foreach (var row in rows)
        {
            var names = Documents.Spans(row[0]);
            Assert.True(names.Count > 0, $"{Document}: a row of the settings table names no setting: {row[0]}");
            foreach (var name in names)
            {
                Assert.True(ValidName().IsMatch(name), $"{Document}: « {name} » in the settings table is not a setting's name");
                settings.Add((name, KeyOf(name)));
            }
        }
        return settings;
    }

    [GeneratedRegex(@"^(--[A-Za-z][\w:]*|[A-Za-z][A-Za-z0-9_.]*)$")]
    private static partial Regex ValidName();

    [GeneratedRegex(@"(?<!\w)(?:Atlas__\w+|Atlas:[A-Z][\w:]*|ConnectionStrings__\w+|Logging__\w+|Serilog__[\w.]+|ASPNETCORE_[A-Z_]+)")]
    private static partial Regex SettingName();
}
