using Atlas.Core.Export;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class DataDictionaryPageTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task The_page_lists_every_column_of_every_export_table_in_order()
    {
        var page = await fixture.App.GetDocumentAsync("/donnees");
        PageAssertions.IsClean(page);

        var sections = page.QuerySelectorAll("[data-testid='export-table']").ToList();
        Assert.Equal(ExportCatalog.Tables.Select(t => t.Name), sections.Select(s => s.GetAttribute("data-table")));
        foreach (var (section, table) in sections.Zip(ExportCatalog.Tables))
        {
            Assert.Contains(table.Label, section.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
            var rows = section.QuerySelectorAll("[data-testid='column']").ToList();
            Assert.Equal(table.Columns.Select(c => c.Name), rows.Select(r => r.GetAttribute("data-column")));
            foreach (var (row, column) in rows.Zip(table.Columns))
            {
                var cells = row.QuerySelectorAll("th, td").Select(c => PageAssertions.Normalize(c.TextContent)).ToList();
                Assert.Equal(column.Name, cells[0]);
                Assert.False(string.IsNullOrWhiteSpace(cells[1]), $"{table.Name}.{column.Name}: type");
                Assert.StartsWith(PageAssertions.Normalize(column.Label), cells[2], StringComparison.Ordinal);
                Assert.Equal(PageAssertions.Normalize(column.Example), cells[3]);
            }
        }
        Assert.Contains("séparés par « | »", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_links_every_download_the_datapackage_and_the_api_documentation()
    {
        var page = await fixture.App.GetDocumentAsync("/donnees");
        var downloads = page.QuerySelectorAll("[data-testid='download-link']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(
            ExportCatalog.Tables.SelectMany(t => ExportFormat.All.Select(f => $"/api/v1/exports/{t.FileName}.{f.Extension}")),
            downloads);
        Assert.Equal("/api/v1/datapackage.json", page.TestId("datapackage-link").GetAttribute("href"));
        Assert.Equal("/swagger", page.TestId("swagger-link").GetAttribute("href"));

        using var client = fixture.App.CreateClient();
        var links = page.QuerySelectorAll("a[href^='/api/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains(page.TestId("example-link").GetAttribute("href")!, links);
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {response.StatusCode}");
        }
    }
}
