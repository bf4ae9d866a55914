using System.Reflection;
using Atlas.Core.Data;
using Atlas.Web.Tests.Docs;

namespace Atlas.Web.Tests.Architecture;

/// <summary>
/// The web project talks to Core only: no page model or endpoint under Pages/ or Api/ reaches the DbContext (ten files did,
/// one of them building a 7-Include graph of its own), and no AsyncLocal carries anything through src/ (the history's author
/// once rode in one, set by an inline middleware). Checked in the sources, and by reflection on what the web types take.
/// </summary>
public sealed class CoreBoundaryTests
{
    private static readonly string[] WebFolders = ["src/Atlas.Web/Pages", "src/Atlas.Web/Api"];

    [Fact]
    public void No_source_file_of_the_pages_or_the_API_names_the_DbContext()
    {
        var files = WebFolders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(Documents.Root, f), "*.cs*", SearchOption.AllDirectories)).ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} files read under {string.Join(", ", WebFolders)}.");
        var offending = files.Where(f => File.ReadAllText(f).Contains(nameof(AtlasDbContext), StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Documents.Root, f)).ToList();
        Assert.True(offending.Count == 0, "The DbContext is used in:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_type_of_the_pages_or_the_API_takes_the_DbContext_in_a_constructor_method_or_field()
    {
        var webTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Atlas.Web.Pages", StringComparison.Ordinal) || ns.StartsWith("Atlas.Web.Api", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(webTypes, t => t.Name == "ProjetsModifierModel");
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offending = webTypes.SelectMany(t =>
                t.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => (t, p.ParameterType, Where: "constructor"))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => (t, p.ParameterType, Where: m.Name))))
                .Concat(t.GetFields(all).Select(f => (t, f.FieldType, Where: f.Name))))
            .Where(x => x.Item2 == typeof(AtlasDbContext))
            .Select(x => $"{x.t.FullName} ({x.Where})")
            .Distinct().ToList();
        Assert.True(offending.Count == 0, "Takes the DbContext:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_source_file_of_src_declares_an_AsyncLocal()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Documents.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 300, $"Only {files.Count} source files read under src/.");
        var offending = files.Where(f => File.ReadAllText(f).Contains("AsyncLocal", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Documents.Root, f)).ToList();
        Assert.True(offending.Count == 0, "AsyncLocal in:\n" + string.Join('\n', offending));
    }
}
