using System.Globalization;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

/// <summary>
/// The country page: a summary (figures, themes, where in France), then a compact table of partnerships sorted and
/// filtered on the server from the URL. Each view is checked against the same condition written in SQL over the base tables.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class CountryPageTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OfMorocco = """
        FROM partnerships p
        WHERE p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                                              WHERE pa.partnership_id = p.id AND a.country_code = 'MA' AND a.deleted_at IS NULL)
        """;

    [Fact]
    public async Task The_partnerships_are_a_table_of_rows_not_cards_each_naming_both_sides_its_themes_status_and_projects()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        PageAssertions.IsClean(page);
        Assert.Empty(page.QuerySelectorAll(".card"));
        var rows = page.QuerySelectorAll("[data-testid='country-partnerships'] tbody tr");
        Assert.NotEmpty(rows);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var projects = await db.Database.SqlQueryRaw<Counted>(
            "SELECT p.id AS \"Id\", (SELECT count(*)::int FROM projects pr WHERE pr.partnership_id = p.id AND pr.deleted_at IS NULL) AS \"Count\" " + OfMorocco)
            .ToDictionaryAsync(c => c.Id, c => c.Count, Ct);
        Assert.All(rows, r =>
        {
            var id = int.Parse(r.GetAttribute("data-partnership-id")!, CultureInfo.InvariantCulture);
            Assert.Equal(projects[id].ToString(CultureInfo.InvariantCulture), r.QuerySelector("[data-testid='partnership-projects']")!.TextContent.Trim());
            Assert.NotEmpty(r.QuerySelectorAll("td[data-label='Collectivité française'] a[href^='/collectivites/']"));
            Assert.NotEmpty(r.QuerySelectorAll("td[data-label='Collectivité partenaire'] a[href^='/collectivites/']"));
            Assert.NotNull(r.QuerySelector(".status"));
        });
    }

    [Fact]
    public async Task Sorted_by_projects_the_table_follows_the_same_order_in_sql()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA?tri=projets");
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await db.Database.SqlQueryRaw<int>(
            "SELECT p.id AS \"Value\" " + OfMorocco + """
             ORDER BY (SELECT count(*) FROM projects pr WHERE pr.partnership_id = p.id AND pr.deleted_at IS NULL) DESC, p.title, p.id
             LIMIT 50
            """).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Ids(page));
        Assert.Equal("descending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        // Every column heading is a link to the same page in its order: sorting works without JavaScript.
        Assert.Equal("/pays/MA?tri=francais#partenariats", page.QuerySelector("[data-testid='sort-francais']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Filtered_by_status_and_french_region_the_table_holds_exactly_the_partnerships_sql_finds()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await db.Database.SqlQueryRaw<int>(
            "SELECT p.id AS \"Value\" " + OfMorocco + """
             AND p.status = 'active'
             AND EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                         LEFT JOIN departments d ON d.code = a.department_code
                         WHERE pa.partnership_id = p.id AND a.country_code = 'FR' AND a.deleted_at IS NULL
                           AND (a.region_code = '93' OR d.region_code = '93'))
            """).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        var page = await fixture.App.GetDocumentAsync("/pays/MA?statut=active&region=93");
        PageAssertions.IsClean(page);
        Assert.Equal(expected.Order(), Ids(page).Order());
        Assert.StartsWith($"{expected.Count} partenariat", page.Text("partnerships-range"), StringComparison.Ordinal);
        Assert.Equal("93", page.QuerySelector("#f-region option[selected]")!.GetAttribute("value"));
        // The other views keep the filters: the sort links and the pagination carry them.
        Assert.Contains("region=93", page.QuerySelector("[data-testid='sort-projets']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtered_by_a_theme_the_table_holds_the_partnerships_with_that_theme_or_one_below_it()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The top-level theme most present among Morocco's partnerships, through itself or its sub-themes.
        var theme = await db.Database.SqlQueryRaw<string>("""
            SELECT root.key AS "Value"
            FROM partnerships p JOIN partnership_themes pt ON pt.partnership_id = p.id JOIN themes t ON t.id = pt.theme_id
                 JOIN themes root ON root.level = 1 AND (t.key = root.key OR t.key LIKE root.key || '/%')
            WHERE p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                                                  WHERE pa.partnership_id = p.id AND a.country_code = 'MA' AND a.deleted_at IS NULL)
            GROUP BY root.key ORDER BY count(DISTINCT p.id) DESC, root.key LIMIT 1
            """).SingleAsync(Ct);
        var expected = await db.Database.SqlQueryRaw<int>(
            "SELECT p.id AS \"Value\" " + OfMorocco + """
             AND EXISTS (SELECT 1 FROM partnership_themes pt JOIN themes t ON t.id = pt.theme_id
                         WHERE pt.partnership_id = p.id AND (t.key = {0} OR t.key LIKE {0} || '/%'))
            """, theme).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        var page = await fixture.App.GetDocumentAsync($"/pays/MA?theme={Uri.EscapeDataString(theme)}");
        Assert.Equal(expected.Order(), Ids(page).Order());
    }

    [Fact]
    public async Task The_summary_counts_themes_regions_and_departements_as_the_base_tables_do()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        const string french = """
            FROM local_authorities a LEFT JOIN departments d ON d.code = a.department_code
            WHERE a.country_code = 'FR' AND a.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL
                JOIN partnership_authorities o ON o.partnership_id = p.id JOIN local_authorities oa ON oa.id = o.local_authority_id
                WHERE pa.local_authority_id = a.id AND oa.country_code = 'MA' AND oa.deleted_at IS NULL)
            """;
        var byRegion = await db.Database.SqlQueryRaw<Coded>(
            "SELECT coalesce(a.region_code, d.region_code) AS \"Code\", count(*)::int AS \"Count\" " + french + " GROUP BY 1 HAVING coalesce(a.region_code, d.region_code) IS NOT NULL")
            .ToDictionaryAsync(c => c.Code, c => c.Count, Ct);
        var byDepartment = await db.Database.SqlQueryRaw<Coded>(
            "SELECT a.department_code AS \"Code\", count(*)::int AS \"Count\" " + french + " AND a.department_code IS NOT NULL GROUP BY 1")
            .ToDictionaryAsync(c => c.Code, c => c.Count, Ct);
        var all = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" " + french).SingleAsync(Ct);
        Assert.NotEmpty(byRegion);
        Assert.NotEmpty(byDepartment);

        Assert.Equal(byRegion.OrderBy(r => r.Key), page.QuerySelectorAll("[data-testid='region-group']")
            .Select(li => KeyValuePair.Create(li.GetAttribute("data-value")!, Leading(li.QuerySelector(".count")!.TextContent))).OrderBy(r => r.Key));
        Assert.Equal(byDepartment.OrderBy(r => r.Key), page.QuerySelectorAll("[data-testid='department-counts'] li")
            .Select(li => KeyValuePair.Create(li.GetAttribute("data-value")!, Leading(li.QuerySelector(".count")!.TextContent))).OrderBy(r => r.Key));
        Assert.StartsWith($"{all} collectivités françaises, dans {byRegion.Count} régions et {byDepartment.Count} départements",
            page.Text("french-partners-spread"), StringComparison.Ordinal);

        var themes = await db.Database.SqlQueryRaw<Named>(
            "SELECT t.name AS \"Name\", count(*)::int AS \"Count\" FROM partnership_themes pt JOIN themes t ON t.id = pt.theme_id WHERE pt.partnership_id IN (SELECT p.id "
            + OfMorocco + ") GROUP BY t.name").ToDictionaryAsync(t => t.Name, t => t.Count, Ct);
        var tags = page.QuerySelectorAll("[data-testid='country-themes'] a.tag");
        Assert.NotEmpty(tags);
        Assert.All(tags, tag =>
        {
            var count = tag.QuerySelector(".count")!;
            var name = PageAssertions.Normalize(tag.TextContent.Replace(count.TextContent, "", StringComparison.Ordinal));
            Assert.Equal(themes[name], int.Parse(count.TextContent.Trim('(', ')', ' '), CultureInfo.InvariantCulture));
        });
        // The most frequent themes are the ones named.
        Assert.Equal(themes.Values.OrderDescending().Take(tags.Length), tags.Select(t => int.Parse(t.QuerySelector(".count")!.TextContent.Trim('(', ')', ' '), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_wrong_filter_is_said_beside_its_field_and_the_table_stays()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA?statut=peut-etre&tri=hasard&region=ZZ&theme=nulle-part");
        PageAssertions.IsClean(page);
        Assert.Equal("Choisissez un statut de la liste.", page.Text("field-error-statut"));
        Assert.Equal("Choisissez un ordre de la liste.", page.Text("field-error-tri"));
        Assert.Equal("Choisissez une région de la liste.", page.Text("field-error-region"));
        Assert.Equal("Choisissez une thématique de la liste.", page.Text("field-error-theme"));
        Assert.Equal(50, Ids(page).Count);
    }

    private static List<int> Ids(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid='partnership-item']").Select(r => int.Parse(r.GetAttribute("data-partnership-id")!, CultureInfo.InvariantCulture)).ToList();

    private static int Leading(string text) => int.Parse(PageAssertions.Normalize(text).Split(' ')[0], CultureInfo.InvariantCulture);

    private sealed record Counted(int Id, int Count);

    private sealed record Coded(string Code, int Count);

    private sealed record Named(string Name, int Count);
}
