using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Dom;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

/// <summary>
/// « Télécharger ces résultats »: on the search, country and authority pages, every file offered holds exactly the records the
/// page lists, every page of them (compared by ids), in every format: CSV, spreadsheet CSV, JSON Lines and IATI.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class DownloadLinksTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("pays=MA&statut=ongoing")]
    [InlineData("theme=developpement-urbain")]
    [InlineData("q=eau&de=2000&a=2008")]
    [InlineData("region=93&tri=titre")]
    [InlineData("departement=13&theme=culture-patrimoine")]
    [InlineData("q=fes&page=2")]
    public async Task The_search_page_offers_files_of_exactly_its_results(string pageQuery)
    {
        var url = pageQuery.Length == 0 ? "/projets" : $"/projets?{pageQuery}";
        var page = await fixture.App.GetDocumentAsync(url);
        var listed = await ListedAsync(StripPage(url), "[data-testid='result-item']", "data-project-id");
        Assert.NotEmpty(listed);
        Assert.NotNull(page.QuerySelector("[data-testid='downloads-jump']"));
        await AssertFilesHoldAsync(page, "projects", listed, iati: true);
    }

    [Fact]
    public async Task The_search_page_offers_no_file_when_it_finds_nothing()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=zzzyyyxxx");
        Assert.NotNull(page.QuerySelector("[data-testid='empty-result']"));
        Assert.Null(page.QuerySelector("[data-testid='results-downloads']"));
    }

    [Fact]
    public async Task The_country_page_offers_files_of_its_partnerships_and_of_its_projects()
    {
        var page = await fixture.App.GetDocumentAsync("/pays/MA");
        var partnerships = await ListedAsync("/pays/MA", "[data-testid='partnership-item']", "data-partnership-id");
        Assert.NotEmpty(partnerships);
        await AssertFilesHoldAsync(page, "partnerships", partnerships, iati: false);

        // The page counts the country's projects and links to them in the search: the files hold those.
        var search = page.QuerySelector("[data-testid='country-projects-link']")!.GetAttribute("href")!;
        var projects = await ListedAsync(search, "[data-testid='result-item']", "data-project-id");
        Assert.NotEmpty(projects);
        await AssertFilesHoldAsync(page, "projects", projects, iati: true);
    }

    [Theory]
    [InlineData("ma-commune-oujda")]
    [InlineData("fr-region-provence-alpes-cote-d-azur")]
    public async Task The_authority_page_offers_files_of_the_partnerships_and_projects_it_lists(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.LocalAuthorities.Where(a => a.Key == key).Select(a => a.Id).SingleAsync(Ct);
        var url = $"/collectivites/{id}";
        var page = await fixture.App.GetDocumentAsync(url);
        var partnerships = Ids(page, "[data-testid='partnership-item']", "data-partnership-id");
        var projects = Ids(page, "[data-testid='project-item']", "data-project-id");
        Assert.NotEmpty(partnerships);
        Assert.NotEmpty(projects);
        await AssertFilesHoldAsync(page, "partnerships", partnerships, iati: false);
        await AssertFilesHoldAsync(page, "projects", projects, iati: true);
    }

    /// <summary>Each link of one list's files, fetched: its ids are the page's, and the spreadsheet file is the CSV file in its dialect.</summary>
    private async Task AssertFilesHoldAsync(IDocument page, string kind, IReadOnlyCollection<int> expected, bool iati)
    {
        var set = page.QuerySelector($"[data-testid='download-set'][data-kind='{kind}']");
        Assert.True(set is not null, $"No {kind} downloads on the page.");
        var links = set.QuerySelectorAll("a[data-format]").ToDictionary(a => a.GetAttribute("data-format")!, a => a.GetAttribute("href")!);
        Assert.Equal(iati ? ["csv", "excel", "iati", "jsonl"] : ["csv", "excel", "jsonl"], links.Keys.Order(StringComparer.Ordinal));
        Assert.All(links.Values, href => Assert.StartsWith("/api/v1/exports/", href, StringComparison.Ordinal));

        using var client = fixture.App.CreateClient();
        var sorted = expected.Order().ToList();
        var idColumn = "id";

        var csv = TableSchemaValidator.ParseCsv(await client.GetStringAsync(links["csv"], Ct));
        Assert.Equal(sorted, csv.Column(idColumn).Select(Int).Order().ToList());

        var excelBytes = await client.GetByteArrayAsync(links["excel"], Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, excelBytes[..3]);
        var excel = TableSchemaValidator.ParseCsv(Encoding.UTF8.GetString(excelBytes, 3, excelBytes.Length - 3), ';');
        Assert.Equal(sorted, excel.Column(idColumn).Select(Int).Order().ToList());

        var jsonLines = (await client.GetStringAsync(links["jsonl"], Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (int)JsonNode.Parse(l)![idColumn]!).Order().ToList();
        Assert.Equal(sorted, jsonLines);

        if (iati)
        {
            var activities = XDocument.Parse(await client.GetStringAsync(links["iati"], Ct)).Root!.Elements("iati-activity")
                .Select(a => Int(((string)a.Element("iati-identifier")!).Split('-')[^1])).Order().ToList();
            Assert.Equal(sorted, activities);
        }
    }

    /// <summary>The ids a paged list shows, following its « Page suivante » links to the end.</summary>
    private async Task<List<int>> ListedAsync(string url, string item, string attribute)
    {
        var ids = new List<int>();
        for (var next = url; next is not null;)
        {
            var doc = await fixture.App.GetDocumentAsync(next);
            ids.AddRange(Ids(doc, item, attribute));
            next = doc.QuerySelector("a[rel='next']")?.GetAttribute("href");
            Assert.True(ids.Count < 5_000, "The list does not end.");
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    private static List<int> Ids(IDocument page, string item, string attribute) =>
        page.QuerySelectorAll(item).Select(i => Int(i.GetAttribute(attribute))).ToList();

    private static string StripPage(string url) => string.Join("&", url.Split('&').Where(p => !p.StartsWith("page=", StringComparison.Ordinal)))
        .Replace("?page=2", "", StringComparison.Ordinal);

    private static int Int(string? text) => int.Parse(text!, CultureInfo.InvariantCulture);
}
