using System.Collections.Frozen;
using Atlas.Core.Data.Seeding;

namespace Atlas.Core.Export.Iati;

/// <summary>
/// Our themes → OECD DAC CRS 5-digit purpose codes (IATI sector vocabulary 1), from theme-crs.csv beside this file:
/// the table is the project's own, reviewed by hand; the tests check that it covers every theme and that every code is
/// in IATI's Sector code list.
/// </summary>
public static class ThemeCrsMapping
{
    internal const string Resource = "Atlas.Iati.theme-crs.csv";

    /// <summary>CRS code "Sectors not specified", for a project none of whose themes is known.</summary>
    public const string NotSpecified = "99810";

    private static readonly Lazy<FrozenDictionary<string, string>> Table = new(() =>
        EmbeddedData.ReadCsv(Resource).ToFrozenDictionary(row => row["theme"], row => row["crs"], StringComparer.OrdinalIgnoreCase));

    /// <summary>Theme key → CRS code, as the table gives them.</summary>
    public static IReadOnlyDictionary<string, string> Codes => Table.Value;

    /// <summary>The CRS code of a theme; a theme added after the table was written takes its nearest mapped ancestor's code.</summary>
    public static string CodeOf(int themeId, ReferenceCatalog.Snapshot reference)
    {
        foreach (var node in reference.ThemePath(themeId).Reverse())
        {
            if (Table.Value.TryGetValue(node.Key, out var code)) return code;
        }
        return NotSpecified;
    }
}
