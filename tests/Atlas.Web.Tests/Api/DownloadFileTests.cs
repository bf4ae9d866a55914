using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Atlas.Core.Export;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Api;

/// <summary>
/// What a downloaded file carries besides its rows: a name with the day it was taken (from the app's clock, the day in France),
/// links that work away from the portal, and the spreadsheet dialect of the CSV files.
/// </summary>
public sealed partial class DownloadFileTests(TestDatabase database) : IAsyncLifetime
{
    /// <summary>23:30 in UTC on 6 December is half past midnight on the 7th in Paris: the day in the name is France's.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);
    private const string Day = "2026-12-07";

    private readonly FixedClock _clock = new(Now);
    private AtlasApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await AtlasApp.StartAsync(database, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every download the API maps (the exports, and the IATI files of an authority and a country), read from its endpoint table.</summary>
    private async Task<List<string>> DownloadUrlsAsync()
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        var authority = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-oujda").Select(a => a.Id).SingleAsync(Ct);
        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/exports/", StringComparison.Ordinal) || r.EndsWith("/iati-activities.xml", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= ExportCatalog.Tables.Count * ExportFormat.All.Count + 3, $"Only {routes.Count} download routes.");
        return routes.Select(r => r.Replace("{id:int}", authority.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{code}", "MA", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Every_download_in_every_format_is_named_atlas_its_content_and_the_day_in_france()
    {
        using var client = _app.CreateClient();
        var urls = await DownloadUrlsAsync();
        foreach (var url in urls.Concat(urls.Where(u => u.EndsWith(".csv", StringComparison.Ordinal)).Select(u => u + "?dialect=excel")))
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var name = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            Assert.True(name is not null && DatedName().IsMatch(name), $"{url} is saved as {name ?? "(no name)"}");
            Assert.EndsWith($"-{Day}.{url.Split('?')[0].Split('.')[^1]}", name, StringComparison.Ordinal);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        }
    }

    [Theory]
    [InlineData("/api/v1/exports/projects.csv", "atlas-projets-2026-12-07.csv")]
    [InlineData("/api/v1/exports/projects.csv?dialect=excel", "atlas-projets-excel-2026-12-07.csv")]
    [InlineData("/api/v1/exports/project-participants.jsonl", "atlas-participants-des-projets-2026-12-07.jsonl")]
    [InlineData("/api/v1/exports/authorities.csv?country=MA", "atlas-collectivites-2026-12-07.csv")]
    [InlineData("/api/v1/exports/countries.jsonl", "atlas-pays-2026-12-07.jsonl")]
    [InlineData("/api/v1/exports/themes.csv", "atlas-thematiques-2026-12-07.csv")]
    [InlineData("/api/v1/exports/iati-activities.xml?country=MA", "atlas-projets-iati-2026-12-07.xml")]
    [InlineData("/api/v1/countries/MA/iati-activities.xml", "atlas-projets-iati-ma-2026-12-07.xml")]
    [InlineData("/statistiques/pays.csv", "atlas-statistiques-pays-2026-12-07.csv")]
    public async Task A_file_name_says_in_french_what_it_holds_and_the_day(string url, string expected)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(expected, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_day_in_the_name_follows_the_clock_even_when_the_answer_was_cached_the_day_before()
    {
        using var client = _app.CreateClient();
        using (var before = await client.GetAsync("/api/v1/exports/themes.jsonl", Ct))
            Assert.Equal($"atlas-thematiques-{Day}.jsonl", before.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        _clock.Now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        try
        {
            using var after = await client.GetAsync("/api/v1/exports/themes.jsonl", Ct);
            Assert.Equal("atlas-thematiques-2027-03-01.jsonl", after.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
        finally
        {
            _clock.Now = Now;
        }
    }

    [Fact]
    public async Task The_spreadsheet_csv_starts_with_a_byte_order_mark_and_uses_semicolons_and_a_decimal_comma()
    {
        using var client = _app.CreateClient();
        var standard = await client.GetByteArrayAsync("/api/v1/exports/project-fundings.csv", Ct);
        var spreadsheet = await client.GetByteArrayAsync("/api/v1/exports/project-fundings.csv?dialect=excel", Ct);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, spreadsheet[..3]);
        Assert.NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, standard[..3]);
        var text = Encoding.UTF8.GetString(spreadsheet, 3, spreadsheet.Length - 3);
        Assert.StartsWith("project_id;funding_id;", text, StringComparison.Ordinal);

        var csv = TableSchemaValidator.ParseCsv(Encoding.UTF8.GetString(standard));
        var excel = TableSchemaValidator.ParseCsv(text, ';');
        Assert.Equal(csv.Header, excel.Header);
        Assert.Equal(csv.Rows.Count, excel.Rows.Count);
        var numbers = ProjectFundingNumberColumns();
        var decimals = 0;
        for (var r = 0; r < csv.Rows.Count; r++)
        {
            for (var c = 0; c < csv.Header.Count; c++)
            {
                var expected = csv.Rows[r][c];
                if (expected is not null && numbers.Contains(csv.Header[c]))
                {
                    if (expected.Contains('.', StringComparison.Ordinal)) decimals++;
                    expected = expected.Replace('.', ',');
                }
                Assert.Equal(expected, excel.Rows[r][c]);
            }
        }
        Assert.True(decimals > 0, "No amount with decimals: the decimal comma was not checked.");
    }

    [Theory]
    [InlineData("/api/v1/exports/projects.csv?dialect=excl")]
    [InlineData("/api/v1/exports/projects.jsonl?dialect=excel")]
    public async Task A_dialect_that_does_not_exist_or_does_not_apply_is_refused_by_name(string url)
    {
        using var client = _app.CreateApiClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.NotNull(problem!["errors"]!["dialect"]);
    }

    [Theory]
    [InlineData("projects", "url", "/projets/")]
    [InlineData("projects", "api_url", "/api/v1/projects/")]
    [InlineData("authorities", "url", "/collectivites/")]
    [InlineData("countries", "url", "/pays/")]
    [InlineData("partnerships", "api_url", "/api/v1/partnerships/")]
    [InlineData("organisations", "api_url", "/api/v1/organisations/")]
    [InlineData("diplomatic-posts", "api_url", "/api/v1/diplomatic-posts/")]
    [InlineData("themes", "api_url", "/api/v1/themes/")]
    public async Task Links_inside_csv_and_json_lines_are_absolute_after_the_public_address(string file, string column, string path)
    {
        using var client = _app.CreateClient();
        var csv = TableSchemaValidator.ParseCsv(await client.GetStringAsync($"/api/v1/exports/{file}.csv", Ct));
        var csvLinks = csv.Column(column).ToList();
        Assert.NotEmpty(csvLinks);
        Assert.All(csvLinks, link => Assert.StartsWith(AtlasApp.PublicBaseUrl + path, link, StringComparison.Ordinal));
        Assert.All(csvLinks, link => Assert.True(Uri.TryCreate(link, UriKind.Absolute, out _), link));

        var jsonLines = (await client.GetStringAsync($"/api/v1/exports/{file}.jsonl", Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)JsonNode.Parse(l)![column]).ToList();
        Assert.Equal(csvLinks, jsonLines);
    }

    [Fact]
    public async Task Each_iati_activity_links_to_its_project_page_by_its_absolute_address()
    {
        using var client = _app.CreateClient();
        var document = XDocument.Parse(await client.GetStringAsync("/api/v1/exports/iati-activities.xml?country=MA", Ct));
        var activities = document.Root!.Elements("iati-activity").ToList();
        Assert.NotEmpty(activities);
        foreach (var activity in activities)
        {
            var id = ((string)activity.Element("iati-identifier")!).Split('-')[^1];
            var link = activity.Elements("document-link").Single();
            Assert.Equal($"{AtlasApp.PublicBaseUrl}/projets/{id}", (string?)link.Attribute("url"));
            Assert.Equal("A12", (string?)link.Element("category")?.Attribute("code"));
        }
    }

    [Fact]
    public async Task Without_a_configured_public_address_links_start_with_the_request_origin()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:PublicBaseUrl"] = "" });
        using var client = app.CreateClient();
        var csv = TableSchemaValidator.ParseCsv(await client.GetStringAsync("/api/v1/exports/countries.csv", Ct));
        Assert.All(csv.Column("url"), link => Assert.StartsWith($"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/pays/", link, StringComparison.Ordinal));
    }

    private static HashSet<string> ProjectFundingNumberColumns() =>
        ExportCatalog.Tables.Single(t => t.Name == "project_fundings").Columns.Where(c => c.Type == ExportType.Number).Select(c => c.Name).ToHashSet();

    [GeneratedRegex("^atlas-[a-z0-9]+(-[a-z0-9]+)*-\\d{4}-\\d{2}-\\d{2}\\.(csv|jsonl|xml)$")]
    private static partial Regex DatedName();
}
