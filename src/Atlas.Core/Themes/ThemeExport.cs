namespace Atlas.Core.Themes;

/// <summary>The theme tree with its counts, one row per theme, each followed by its sub-themes (the order of /api/v1/themes).</summary>
public sealed class ThemeExport(ThemeTreeQuery tree)
{
    public const string Filters = "/api/v1/themes";

    public static readonly ExportTable<ThemeExportRow> Table = new(
        new ExportTableInfo("themes", "Themes", "Thématiques",
            "One row per theme of the three-level tree (thématique, sous-thématique, sous-sous-thématique), each followed by its sub-themes, " +
            "with the number of projects and partnerships under it.",
            "Une ligne par thématique de l'arbre à trois niveaux, chacune suivie de ses sous-thématiques, avec le nombre de projets et de partenariats " +
            "qui en relèvent.",
            Filters, PrimaryKey: ["key"], ForeignKeys: []),
        new ExportColumns<ThemeExportRow>()
            .String("key", t => t.Key, "Clé stable de la thématique (chemin dans l'arbre, utilisable comme filtre theme)",
                "Stable key of the theme: the path of slugs through the tree, usable as the theme filter of the other lists.",
                "developpement-urbain/transports", required: true)
            .String("name", t => t.Name, "Nom", "French name.", "Transports", required: true)
            .Integer("level", t => t.Level, "Niveau : 1 thématique, 2 sous-thématique, 3 sous-sous-thématique",
                "Level in the tree: 1 theme, 2 sub-theme, 3 sub-sub-theme.", "2", required: true)
            .String("parent_key", t => t.ParentKey, "Clé de la thématique parente (vide au premier niveau)",
                "Key of the theme above it; empty at level 1.", "developpement-urbain")
            .Integer("project_count", t => t.ProjectCount, "Nombre de projets de cette thématique ou de ses sous-thématiques, chacun compté une fois",
                "Projects under this theme or one of its sub-themes, each counted once.", "12", required: true)
            .Integer("partnership_count", t => t.PartnershipCount, "Nombre de partenariats de cette thématique ou de ses sous-thématiques",
                "Partnerships given this theme or one of its sub-themes, each counted once.", "4", required: true)
            .Link("api_url", t => $"/api/v1/themes/{t.Key}", "Adresse de la thématique dans l'API", "Address of the theme in this API.",
                "/api/v1/themes/developpement-urbain/transports", required: true));

    public async IAsyncEnumerable<ThemeExportRow> ThemesAsync(ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in Rows(await tree.GetTreeAsync(reference, ct).ConfigureAwait(false), null)) yield return row;
    }

    private static IEnumerable<ThemeExportRow> Rows(IEnumerable<ThemeBranch> branches, string? parentKey) =>
        branches.SelectMany(b => Rows(b.Children, b.Theme.Key).Prepend(new ThemeExportRow
        {
            Key = b.Theme.Key,
            Name = b.Theme.Name,
            Level = b.Theme.Level,
            ParentKey = parentKey,
            ProjectCount = b.Count.Projects,
            PartnershipCount = b.Count.Partnerships,
        }));
}
