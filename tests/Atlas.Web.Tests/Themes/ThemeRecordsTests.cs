using Atlas.Core.Data;
using Atlas.Core.Data.Seeding;
using Atlas.Core.Projects;
using Atlas.Core.Themes;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Atlas.Web.Tests.Themes;

/// <summary>Each record keeps the label its source gave its themes, its pages say so, and a database on the former trees is brought to the one tree.</summary>
public sealed class ThemeRecordsTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_demo_record_keeps_the_label_its_source_gave_each_of_its_themes()
    {
        await using var db = TestDatabase.CreateContext(await database.CreateDemoDatabaseAsync());
        var projects = await db.Projects.AsNoTracking().Where(p => p.Key != null)
            .Select(p => new { Key = p.Key!, Themes = p.Themes.Select(t => new { t.Theme!.Key, t.SourceLabel, t.IsMain }).ToList() })
            .ToDictionaryAsync(p => p.Key, Ct);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.Key != null)
            .Select(p => new { Key = p.Key!, Themes = p.Themes.Select(t => new { t.Theme!.Key, t.SourceLabel }).ToList() })
            .ToDictionaryAsync(p => p.Key, Ct);

        var checkedLinks = 0;
        foreach (var partnership in DemoFiles().SelectMany(f => f.Partnerships ?? []))
        {
            foreach (var project in partnership.Projects ?? [])
            {
                var stored = projects[project.Key].Themes;
                foreach (var key in (project.OtherThemes ?? []).Select(t => t.Theme).Prepend(project.MainTheme).OfType<string>())
                {
                    var entry = ThemeCrosswalk.BySourceKey[key];
                    var link = Assert.Single(stored, t => t.Key == entry.TreeKey);
                    Assert.Contains(entry.SourceLabel, (link.SourceLabel ?? "").Split(ThemeSourceLabel.Separator));
                    checkedLinks++;
                }
                if (project.MainTheme is { } main) Assert.Equal(ThemeCrosswalk.BySourceKey[main].TreeKey, Assert.Single(stored, t => t.IsMain).Key);
            }
        }
        foreach (var (key, themes) in EmbeddedData.ReadJson<Dictionary<string, List<string>>>("Atlas.Demo.synthesis-themes.json"))
        {
            foreach (var theme in themes)
            {
                var entry = ThemeCrosswalk.BySourceKey[theme];
                var link = Assert.Single(partnerships[key].Themes, t => t.Key == entry.TreeKey);
                Assert.Contains(entry.SourceLabel, (link.SourceLabel ?? "").Split(ThemeSourceLabel.Separator));
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 300, $"{checkedLinks} links checked");
        // No demo link is left without the label it came with.
        Assert.DoesNotContain(projects.Values.SelectMany(p => p.Themes), t => t.SourceLabel is null);
        Assert.DoesNotContain(partnerships.Values.SelectMany(p => p.Themes), t => t.SourceLabel is null);
    }

    [Fact]
    public async Task A_project_page_names_the_source_s_label_where_the_tree_names_the_theme_otherwise()
    {
        await using var app = await AtlasApp.StartAsync(database);
        await using var db = TestDatabase.CreateContext(app.ConnectionString);
        // Both of the répertoire's "Eau & assainissement" on one project: one node of the tree, both labels kept.
        var id = await db.Projects.Where(p => p.Key == "aix-en-provence--oujda--eau-assainissement").Select(p => p.Id).SingleAsync(Ct);
        var page = await app.GetDocumentAsync($"/projets/{id}");
        var origin = PageAssertions.Normalize(page.Text("theme-origin"));
        Assert.Contains("« Développement urbain › Eau & assainissement » et « Environnement › Eau & assainissement » — dans l’atlas : Eau et assainissement",
            origin, StringComparison.Ordinal);

        // A label the tree keeps as it is is not repeated.
        var plain = await db.Projects.Where(p => p.Themes.Count == 1 && p.Themes.All(t => t.Theme!.Key == "developpement-rural")).Select(p => p.Id).FirstAsync(Ct);
        Assert.Null((await app.GetDocumentAsync($"/projets/{plain}")).QuerySelector("[data-testid=theme-origin]"));
    }

    [Fact]
    public async Task A_project_without_a_theme_of_its_own_says_it_is_shown_with_its_partnership_s_and_is_not_found_by_them()
    {
        await using var app = await AtlasApp.StartAsync(database);
        await using var db = TestDatabase.CreateContext(app.ConnectionString);
        var project = await db.Projects.Where(p => p.Partnership!.Themes.Any(t => t.Theme!.Key == "developpement-rural") && p.Themes.All(t => t.Theme!.Key != "developpement-rural"))
            .Select(p => new { p.Id, p.PartnershipId }).FirstAsync(Ct);
        await db.ProjectThemes.Where(t => t.ProjectId == project.Id).ExecuteDeleteAsync(Ct);
        await ProjectSearchIndex.RefreshAsync(db, [project.Id], Ct);

        var page = await app.GetDocumentAsync($"/projets/{project.Id}");
        var note = PageAssertions.Normalize(page.Text("inherited-themes"));
        Assert.Contains("n’a pas de thématique propre", note, StringComparison.Ordinal);
        Assert.Contains("Développement rural", note, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=field-main-theme]"));

        var (found, _) = await ApiLists.WalkIdsAsync(app, "/api/v1/projects", "theme=developpement-rural");
        Assert.NotEmpty(found);
        Assert.DoesNotContain(project.Id, found);
        // Its partnership is found by its own theme.
        var (partnerships, _) = await ApiLists.WalkIdsAsync(app, "/api/v1/partnerships", "theme=developpement-rural");
        Assert.Contains(project.PartnershipId!.Value, partnerships);
    }

    [Fact]
    public async Task A_database_on_the_former_trees_is_brought_to_the_one_tree_its_links_moved_with_their_labels()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        // The former tree's nodes, as a database loaded before the tree was unified holds them, and links moved back onto them.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO themes (key, name, parent_id, level, sort_order)
            SELECT 'environnement/eau-assainissement', 'Eau et assainissement', id, 2, 9 FROM themes WHERE key = 'environnement';
            INSERT INTO themes (key, name, parent_id, level, sort_order) VALUES ('culture', 'Culture', NULL, 1, 20), ('patrimoine', 'Patrimoine', NULL, 1, 21);
            INSERT INTO themes (key, name, parent_id, level, sort_order) SELECT 'culture/lecture', 'Lecture', id, 2, 0 FROM themes WHERE key = 'culture';
            UPDATE project_themes SET theme_id = (SELECT id FROM themes WHERE key = 'culture/lecture'), source_label = 'Culture › Lecture'
                WHERE theme_id = (SELECT id FROM themes WHERE key = 'culture-patrimoine/lecture');
            UPDATE partnership_themes SET theme_id = (SELECT id FROM themes WHERE key = 'patrimoine'), source_label = 'Patrimoine'
                WHERE theme_id = (SELECT id FROM themes WHERE key = 'culture-patrimoine/patrimoine');
            -- A project that had both water themes: the second one on the former node.
            INSERT INTO project_themes (project_id, theme_id, is_main, priority, source_label)
                SELECT pt.project_id, (SELECT id FROM themes WHERE key = 'environnement/eau-assainissement'), false, 3, 'Ancien libellé'
                FROM project_themes pt JOIN projects p ON p.id = pt.project_id
                WHERE p.key = 'la-croix-valmer--souk-sebt--station-epuration' AND pt.is_main;
            UPDATE projects SET theme_ids = ARRAY[]::integer[] WHERE id IN (SELECT project_id FROM project_themes pt JOIN themes t ON t.id = pt.theme_id WHERE t.key = 'culture/lecture');
            """, Ct);
        var readers = await db.ProjectThemes.CountAsync(t => t.Theme!.Key == "culture/lecture", Ct);
        Assert.True(readers > 5, $"{readers} projects on the former reading theme");

        var loader = new DemoDataLoader(db, NullLogger<DemoDataLoader>.Instance);
        await loader.LoadAsync(includeDemo: false, Ct);

        Assert.False(await db.Themes.AnyAsync(t => t.Key == "culture" || t.Key == "culture/lecture" || t.Key == "patrimoine" || t.Key == "environnement/eau-assainissement", Ct));
        Assert.Equal(readers, await db.ProjectThemes.CountAsync(t => t.Theme!.Key == "culture-patrimoine/lecture" && t.SourceLabel == "Culture › Lecture", Ct));
        Assert.True(await db.PartnershipThemes.AnyAsync(t => t.Theme!.Key == "culture-patrimoine/patrimoine" && t.SourceLabel == "Patrimoine", Ct));
        var water = await db.ProjectThemes.Where(t => t.Project!.Key == "la-croix-valmer--souk-sebt--station-epuration" && t.Theme!.Key == "eau-assainissement").SingleAsync(Ct);
        Assert.True(water.IsMain);
        Assert.Contains("Ancien libellé", water.SourceLabel!.Split(ThemeSourceLabel.Separator));
        // The moved projects' search columns were computed again: the index has nothing left to change.
        Assert.Equal(0, await ProjectSearchIndex.RefreshAsync(db, null, Ct));
        // And a second start finds nothing to do.
        Assert.False((await loader.LoadAsync(includeDemo: false, Ct)).AddedAnything);
    }

    [Fact]
    public async Task Migration_0016_keeps_the_label_each_stored_link_was_shown_with()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var db = TestDatabase.CreateContext(connectionString);
        await db.Database.ExecuteSqlRawAsync("""
            ALTER TABLE project_themes DROP COLUMN source_label;
            ALTER TABLE partnership_themes DROP COLUMN source_label;
            DELETE FROM schema_migrations WHERE version = '0016';
            """, Ct);
        Assert.Equal(1, await SchemaMigrator.MigrateAsync(connectionString, NullLogger.Instance, Ct));
        var labels = await db.ProjectThemes.Where(t => t.Theme!.Key == "culture-patrimoine/lecture").Select(t => t.SourceLabel).Distinct().ToListAsync(Ct);
        Assert.Equal(["Culture et patrimoine › Lecture"], labels);
        Assert.DoesNotContain(await db.PartnershipThemes.Select(t => t.SourceLabel).ToListAsync(Ct), l => l == null);
    }

    private static IEnumerable<DemoFile> DemoFiles() =>
        EmbeddedData.Names("Atlas.Demo.")
            .Where(n => n is not ("Atlas.Demo.themes.json" or "Atlas.Demo.posts.json" or "Atlas.Demo.synthesis-themes.json"))
            .Select(EmbeddedData.ReadJson<DemoFile>);
}
