using Microsoft.Extensions.Configuration;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// The settings table of docs/operations.md against the settings the app reads: nothing documented that the app ignores,
/// nothing read that is not documented.
/// </summary>
public sealed class SettingsDocumentationTests(RecordedStart start) : IClassFixture<RecordedStart>
{
    /// <summary>
    /// Documented settings a test start cannot read, each with why. Each must still be spelled somewhere under src/, so that
    /// this list cannot outlive the setting.
    /// </summary>
    private static readonly Dictionary<string, string> NotReadInTests = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Atlas:LocalDatabase:Directory"] =
            "read only when ConnectionStrings:Atlas is empty, to start a private PostgreSQL (and by the tools' verbs); tests always give a server",
        ["Atlas:LocalDatabase:SharedBuffers"] =
            "read with Atlas:LocalDatabase:Directory, only to start a private PostgreSQL (Hosting/LocalPostgresSettingsTests starts one)",
        ["Atlas:Replica:MaxLagSeconds"] =
            "read only when ConnectionStrings:AtlasReadOnly is given; the recorded start has one server (Cluster/ReadReplicaTests gives two)",
        ["Atlas:Replica:CheckIntervalSeconds"] =
            "read only when ConnectionStrings:AtlasReadOnly is given; the recorded start has one server (Cluster/ReadReplicaTests gives two)",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] =
            "read only when OTEL_EXPORTER_OTLP_ENDPOINT is given; the recorded start exports nothing (Hosting/TelemetryExportTests gives both)",
        ["ENVIRONMENT"] =
            "ASPNETCORE_ENVIRONMENT is read by ASP.NET Core as it creates the builder, before any configuration source of the app's exists",
    };

    /// <summary>The settings of the app's own, all of which the table must hold: everything under Atlas:, and these.</summary>
    private static readonly string[] OwnSettings = ["ConnectionStrings:Atlas", "ConnectionStrings:AtlasReadOnly", "Logging:Json"];

    [Fact]
    public void Every_setting_in_the_operations_table_is_read_by_the_app()
    {
        var read = start.Recorder.Read;
        var listed = start.Recorder.Listed;
        var unread = SettingsTable.Settings
            .Where(s => !read.Contains(s.Key) && !listed.Contains(s.Key) && !NotReadInTests.ContainsKey(s.Key))
            .Select(s => s.Name)
            .ToList();
        Assert.True(unread.Count == 0,
            $"{SettingsTable.Document} documents settings the app never reads (a typo, or a setting that is gone):\n" + string.Join('\n', unread));
    }

    [Fact]
    public void Every_setting_the_app_reads_is_in_the_operations_table()
    {
        var own = start.Recorder.Read
            .Where(k => k.StartsWith("Atlas" + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)
                        || OwnSettings.Contains(k, StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.Contains("ConnectionStrings:Atlas", own, StringComparer.OrdinalIgnoreCase); // the start before the host is built was recorded
        var undocumented = own.Where(k => !Documented(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0,
            $"The app reads settings that {SettingsTable.Document} does not document (add a row, as an environment variable such as Atlas__Foo__Bar):\n" +
            string.Join('\n', undocumented));

        // A section the app lists (a list setting, or one bound to an options class) holds a documented setting.
        var sections = start.Recorder.Listed
            .Where(s => s.StartsWith("Atlas" + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase) && !Documented(s))
            .ToList();
        Assert.True(sections.Count == 0, $"The app reads sections with no documented setting in {SettingsTable.Document}:\n" + string.Join('\n', sections));
    }

    /// <summary>
    /// A documented setting, or a section holding one: an options class bound to Atlas:Mail reads the section's own value
    /// before its properties.
    /// </summary>
    private static bool Documented(string key) =>
        SettingsTable.Keys.Any(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)
                                    || k.StartsWith(key + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Every_setting_not_read_by_a_test_start_is_still_in_the_source()
    {
        var source = Documents.FilesUnder("src", ".cs", ".json").Select(f => f.Text).ToList();
        foreach (var (key, reason) in NotReadInTests)
        {
            var documented = SettingsTable.Settings.Where(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(documented.Count == 1, $"{key} is excused from being read by a test start, but {SettingsTable.Document} does not document it: remove the excuse.");
            var name = documented[0].Name;
            Assert.True(source.Any(text => text.Contains(key, StringComparison.Ordinal) || text.Contains(name, StringComparison.Ordinal)),
                $"{name} is excused from being read by a test start ({reason}), but nothing under src/ names it any more: remove it from the documents.");
        }
    }

    [Fact]
    public void Every_setting_named_in_the_documents_is_in_the_operations_table()
    {
        var missing = Documents.All
            .SelectMany(doc => SettingsTable.NamedIn(Documents.Read(doc)).Select(s => (Doc: doc, s.Name, s.Key)))
            .Where(s => !SettingsTable.Keys.Contains(s.Key))
            .Select(s => $"{s.Doc}: {s.Name}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"Settings named in the documents but missing from the table of {SettingsTable.Document}:\n" + string.Join('\n', missing));
    }
}
