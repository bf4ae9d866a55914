using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// The commands, paths and variables written in README.md and docs/: the scripts they run exist and take the options
/// given, the projects and the tools' verbs exist, every path and link leads somewhere, every variable is used.
/// </summary>
public sealed partial class CommandsDocumentationTests
{
    private static IEnumerable<(string Document, string Code)> Code() =>
        Documents.All.SelectMany(doc => Documents.Code(Documents.Read(doc)).Select(code => (doc, code)));

    [Fact]
    public void Every_script_the_documents_run_exists_is_executable_and_takes_the_options_given()
    {
        var problems = new List<string>();
        var seen = 0;
        foreach (var (document, code) in Code())
        {
            foreach (Match run in Script().Matches(code))
            {
                seen++;
                var script = run.Groups["script"].Value;
                var path = Path.Combine(Documents.Root, script);
                if (!File.Exists(path))
                {
                    problems.Add($"{document}: {script} does not exist");
                    continue;
                }
                if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute)) problems.Add($"{document}: {script} is not executable");
                var text = File.ReadAllText(path);
                foreach (Match option in Option().Matches(run.Groups["args"].Value))
                {
                    if (!text.Contains(option.Value, StringComparison.Ordinal)) problems.Add($"{document}: {script} takes no {option.Value}");
                }
            }
        }
        Assert.True(seen > 0);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_project_the_documents_run_build_publish_or_test_exists()
    {
        var projects = Code().SelectMany(c => DotnetProject().Matches(c.Code).Select(m => (c.Document, Path: m.Groups["path"].Value))).ToList();
        Assert.Contains(projects, p => p.Path == "src/Atlas.Tools");
        var missing = projects
            .Where(p => !(Directory.Exists(Path.Combine(Documents.Root, p.Path))
                          ? Directory.EnumerateFiles(Path.Combine(Documents.Root, p.Path), "*.csproj").Any()
                          : File.Exists(Path.Combine(Documents.Root, p.Path)) && p.Path.EndsWith("proj", StringComparison.Ordinal)))
            .Select(p => $"{p.Document}: {p.Path}")
            .ToList();
        Assert.True(missing.Count == 0, "Projects named in the documents that do not exist:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Every_verb_and_option_of_the_tools_in_the_documents_is_in_the_tools_usage_and_every_verb_is_documented()
    {
        var usage = await ToolsUsageAsync();
        var verbs = usage.Split('\n').Select(l => UsageVerb().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Value, StringComparer.Ordinal);
        Assert.NotEmpty(verbs);

        var problems = new List<string>();
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, code) in Code())
        {
            foreach (Match run in ToolsRun().Matches(code))
            {
                var verb = run.Groups["verb"].Value;
                documented.Add(verb);
                if (!verbs.TryGetValue(verb, out var line))
                {
                    problems.Add($"{document}: the tools have no verb {verb}");
                    continue;
                }
                foreach (Match option in Option().Matches(run.Groups["args"].Value))
                {
                    if (!line.Contains(option.Value, StringComparison.Ordinal)) problems.Add($"{document}: {verb} takes no {option.Value} ({line.Trim()})");
                }
            }
        }
        problems.AddRange(verbs.Keys.Where(v => !documented.Contains(v)).Select(v => $"the tools' verb {v} is not run in any document"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_repository_path_and_link_in_the_documents_exists()
    {
        var problems = new List<string>();
        foreach (var document in Documents.All)
        {
            var text = Documents.Read(document);
            foreach (var code in Documents.Code(text))
            {
                foreach (Match match in RepositoryPath().Matches(code))
                {
                    var path = Existing(match.Groups["path"].Value);
                    if (!Exists(path)) problems.Add($"{document}: {match.Groups["path"].Value}");
                }
            }
            foreach (var link in Documents.Links(text).Where(l => !l.Contains("://", StringComparison.Ordinal) && !l.StartsWith("mailto:", StringComparison.Ordinal)))
            {
                var (file, anchor) = link.Split('#') is [var f, var a] ? (f, a) : (link, null);
                var target = file.Length == 0 ? document
                    : Path.GetRelativePath(Documents.Root, Path.GetFullPath(Path.Combine(Documents.Root, Path.GetDirectoryName(document)!, file))).Replace('\\', '/');
                if (!Exists(target)) problems.Add($"{document}: link to {link}");
                else if (anchor is not null && !Documents.Anchors(Documents.Read(target)).Contains(anchor)) problems.Add($"{document}: link to {link}: no such heading");
            }
        }
        Assert.True(problems.Count == 0, "Paths and links in the documents that lead nowhere:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_environment_variable_the_documents_name_is_used_by_a_script_a_test_or_the_compose_file()
    {
        var users = Documents.FilesUnder("scripts", ".sh", ".mjs", ".json")
            .Concat(Documents.FilesUnder("tests", ".cs").Where(f => !f.Path.StartsWith(Path.Combine("tests", "Atlas.Web.Tests", "Docs"), StringComparison.Ordinal)))
            .Concat(Documents.FilesUnder("src", ".cs", ".json"))
            .Concat(new[] { "docker-compose.yml", "Dockerfile", ".ci/run" }.Select(f => (f, Documents.Read(f))))
            .Select(f => f.Item2)
            .ToList();
        var unused = Documents.All
            .SelectMany(doc => EnvironmentVariable().Matches(Documents.Read(doc)).Select(m => (doc, m.Value)))
            .Distinct()
            .Where(v => !users.Any(text => text.Contains(v.Value, StringComparison.Ordinal)))
            .Select(v => $"{v.doc}: {v.Value}")
            .ToList();
        Assert.True(unused.Count == 0, "Variables named in the documents that nothing reads:\n" + string.Join('\n', unused));
    }

    [Fact]
    public void Every_setting_the_scripts_and_the_container_files_set_is_in_the_settings_table()
    {
        var files = Documents.FilesUnder("scripts", ".sh").Concat(new[] { "docker-compose.yml", "Dockerfile" }.Select(f => (f, Documents.Read(f))));
        var missing = files
            .SelectMany(f => SettingsTable.NamedIn(f.Item2).Select(s => (File: f.Item1, s.Name, s.Key)))
            .Where(s => !SettingsTable.Keys.Contains(s.Key))
            .Select(s => $"{s.File}: {s.Name}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"Settings that scripts or container files set but {SettingsTable.Document} does not document:\n" + string.Join('\n', missing));
    }

    /// <summary>A path cut before its first part that names no file: bin/&lt;configuration&gt;/… is cut before bin.</summary>
    private static string Existing(string path) =>
        string.Join('/', path.TrimEnd('/').Split('/').TakeWhile(part => part is not ("bin" or "obj") && !part.Contains('<', StringComparison.Ordinal) && !part.Contains('*', StringComparison.Ordinal)));

    private static bool Exists(string relativePath) =>
        File.Exists(Path.Combine(Documents.Root, relativePath))
        || Directory.Exists(Path.Combine(Documents.Root, relativePath));

    /// <summary>What the tools print when run without a verb: their usage, one line per verb.</summary>
    private static async Task<string> ToolsUsageAsync()
    {
        var tools = Path.Combine(AppContext.BaseDirectory, "Atlas.Tools.dll");
        Assert.True(File.Exists(tools), $"{tools}: the test project references src/Atlas.Tools, whose build lands there");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet", [tools])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output + await error;
    }

    // ./scripts/benchmark.sh --scale 1, DSFR_ACCEPT_LICENSE=1 scripts/vendor-dsfr.sh; its arguments up to a comment or another command
    [GeneratedRegex(@"(?<![\w/.-])(?:\./)?(?<script>scripts/[\w.-]+\.sh)(?<args>[^#&|;\n]*)")]
    private static partial Regex Script();

    [GeneratedRegex(@"(?<![\w-])--[a-z][\w-]*")]
    private static partial Regex Option();

    [GeneratedRegex(@"dotnet\s+(?:run\s+--project|test|build|publish)\s+(?<path>[\w./-]+)")]
    private static partial Regex DotnetProject();

    // dotnet run --project src/Atlas.Tools -c Release -- generate --scale 1
    [GeneratedRegex(@"dotnet\s+run\s+--project\s+src/Atlas\.Tools\b[^\n]*?\s--\s+(?<verb>[\w-]+)(?<args>[^#\n]*)")]
    private static partial Regex ToolsRun();

    // "  generate --scale N [--seed S] [--force]   (…)": a verb and its options, in the tools' usage
    [GeneratedRegex(@"^\s{2}([a-z][\w-]*)\s.*$")]
    private static partial Regex UsageVerb();

    [GeneratedRegex(@"(?<![\w./-])(?<path>(?:src|tests|scripts|docs|\.ci)/[^\s`'""()\[\]:,;]*)")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\b(?:ATLAS|DSFR)_[A-Z][A-Z_]*\b")]
    private static partial Regex EnvironmentVariable();
}
