using System.Reflection;
using System.Runtime.CompilerServices;
using Atlas.Core.Data;
using Atlas.Tools.Synthetic;

namespace Atlas.Web.Tests.Architecture;

/// <summary>
/// A type's name says which type it is: no two top-level types of src/ (Core, the web app, the tools) share a simple name.
/// Core defined five twice (ProjectRecord was a project's record and a line of the demo file), ProjectMapping was an EF
/// configuration in Core and a DTO mapper in the web app, and ten pages' models were all IndexModel. Only the types the C#
/// compiler writes are left out (anonymous types, collection-expression and private-implementation helpers, source
/// generators' file-local types: their names hold a '&lt;' no source can declare). The classes Razor compiles the views into
/// stay in, named after their paths (Pages_Projets_Index). A generic type and a non-generic one of the same name
/// (ExportColumn and ExportColumn&lt;TRow&gt;) are two names, as in C#.
/// </summary>
public sealed class TypeNameTests
{
    private static readonly Assembly[] Assemblies = [typeof(AtlasDbContext).Assembly, typeof(Program).Assembly, typeof(SyntheticAtlas).Assembly];

    [Fact]
    public void No_two_top_level_types_of_Core_the_web_app_and_the_tools_share_a_name()
    {
        var shared = CheckedTypes()
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.FullName} ({t.Assembly.GetName().Name})"))}")
            .ToList();
        Assert.True(shared.Count == 0, "Types sharing a name:\n" + string.Join('\n', shared));
    }

    [Fact]
    public void The_check_covers_the_hand_written_types_of_the_three_assemblies_and_the_compiled_views()
    {
        var checkedTypes = CheckedTypes();
        Assert.Contains(typeof(AtlasDbContext), checkedTypes);
        Assert.Contains(typeof(Program), checkedTypes);
        Assert.Contains(typeof(SyntheticAtlas), checkedTypes);
        Assert.Contains(checkedTypes, t => t.Name == "Pages_Projets_Index");
        Assert.DoesNotContain(checkedTypes, t => t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false));
    }

    private static List<Type> CheckedTypes() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal))
            .ToList();
}
