using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

/// <summary>/thematiques: the whole theme tree, each theme with the counts of the base tables and its links to the projects and partnerships under it.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ThemeDirectoryPageTests(DemoAppFixture fixture)
{
    /// <summary>
    /// Each theme with the projects carrying it or one of its sub-themes (projects.theme_ids holds a project's themes and
    /// their ancestors) and the partnerships given it or one of its sub-themes, each counted once.
    /// </summary>
    private const string Counts = """
        WITH RECURSIVE under(theme_id, descendant_id) AS (
            SELECT id, id FROM themes
            UNION ALL SELECT u.theme_id, t.id FROM under u JOIN themes t ON t.parent_id = u.descendant_id)
        SELECT t.key,
               (SELECT count(*) FROM projects p WHERE p.deleted_at IS NULL AND t.id = ANY (p.theme_ids))::int,
               (SELECT count(DISTINCT pt.partnership_id) FROM partnership_themes pt JOIN partnerships p ON p.id = pt.partnership_id AND p.deleted_at IS NULL
                 WHERE pt.theme_id IN (SELECT descendant_id FROM under WHERE theme_id = t.id))::int
        FROM themes t
        """;

    [Fact]
    public async Task Every_theme_shows_the_counts_of_the_base_tables_and_links_to_its_projects()
    {
        var expected = (await DirectoryPages.RowsAsync(fixture.App.ConnectionString, Counts))
            .ToDictionary(r => (string)r[0]!, r => ((int)r[1]!, (int)r[2]!));
        Assert.Contains(expected.Values, c => c.Item1 > 0);
        Assert.Contains(expected.Values, c => c.Item2 > 0);

        var doc = await fixture.App.GetDocumentAsync("/thematiques");
        PageAssertions.IsClean(doc);
        var shown = doc.QuerySelectorAll("[data-testid='theme']").ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), shown.Select(t => t.GetAttribute("data-theme")!).Order(StringComparer.Ordinal));
        foreach (var theme in shown)
        {
            var key = theme.GetAttribute("data-theme")!;
            Assert.Equal(expected[key], (DirectoryPages.Int(theme, "data-projects"), DirectoryPages.Int(theme, "data-partnerships")));
            Assert.Equal($"/projets?theme={Uri.EscapeDataString(key)}", theme.QuerySelector("a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Sub_themes_are_listed_inside_their_theme()
    {
        var doc = await fixture.App.GetDocumentAsync("/thematiques");
        var children = (await DirectoryPages.RowsAsync(fixture.App.ConnectionString,
            "SELECT c.key, p.key FROM themes c JOIN themes p ON p.id = c.parent_id")).ToList();
        Assert.NotEmpty(children);
        foreach (var row in children)
        {
            var child = doc.QuerySelector($"[data-theme='{row[0]}']")!;
            Assert.Equal((string)row[1]!, child.ParentElement!.Closest("[data-testid='theme']")!.GetAttribute("data-theme"));
        }
    }
}
