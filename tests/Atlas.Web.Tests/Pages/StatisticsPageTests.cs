using System.Globalization;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class StatisticsPageTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Charts =
    [
        "projets-par-annee", "partenariats-par-annee", "thematiques", "pays", "principaux-pays", "regions",
        "financements-eur-par-annee", "financements-mad-par-annee", "financements-par-devise",
    ];

    [Fact]
    public async Task Every_chart_is_drawn_with_its_table_and_a_csv_link()
    {
        var page = await fixture.App.GetDocumentAsync("/statistiques");
        PageAssertions.IsClean(page);
        var charts = page.QuerySelectorAll("[data-testid='chart']");
        Assert.Equal(Charts, charts.Select(c => c.GetAttribute("data-chart")!));
        Assert.All(charts, c =>
        {
            var svg = c.QuerySelector("svg[role='img']")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")!.TextContent));
            var cells = c.QuerySelectorAll("[data-testid='chart-table'] tbody td").Length;
            // One bar per figure of the table.
            Assert.Equal(cells, svg.QuerySelectorAll("rect").Length);
            Assert.Equal($"/statistiques/{c.GetAttribute("data-chart")}.csv", c.QuerySelector("[data-testid='chart-csv']")!.GetAttribute("href"));
        });
        Assert.Contains("Aucun taux de change enregistré", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_has_one_colour_in_every_chart_and_the_series_of_a_chart_have_different_ones()
    {
        var page = await fixture.App.GetDocumentAsync("/statistiques");
        var colourOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chart in page.QuerySelectorAll("[data-testid='chart']"))
        {
            var headers = chart.QuerySelectorAll("[data-testid='chart-table'] thead th.num").Select(th => th.TextContent.Trim()).ToList();
            var rects = chart.QuerySelectorAll("svg rect").ToList();
            var rows = chart.QuerySelectorAll("[data-testid='chart-table'] tbody tr").Length;
            Assert.Equal(rows * headers.Count, rects.Count);
            // Bars are drawn row by row, one per series in the table's column order.
            var classes = headers.Select((_, s) => rects.Where((_, i) => i % headers.Count == s).Select(r => r.ClassName!).Distinct().Single()).ToList();
            Assert.Equal(classes.Count, classes.Distinct().Count());
            foreach (var (label, css) in headers.Select(h => h.StartsWith("Montant", StringComparison.Ordinal) ? "Montant" : h).Zip(classes))
            {
                Assert.Equal(colourOf.GetValueOrDefault(label, css), css);
                colourOf[label] = css;
            }
            Assert.All(chart.QuerySelectorAll(".chart-legend .swatch"), swatch => Assert.Contains(swatch.ClassList.Single(c => c.StartsWith("series-", StringComparison.Ordinal)), classes));
        }
        // Projects and partnerships appear in several charts, sometimes partnerships first: still the same colours.
        Assert.Equal("series-projets", colourOf["Projets"]);
        Assert.Equal("series-partenariats", colourOf["Partenariats"]);
    }

    [Fact]
    public async Task Category_names_are_written_whole_and_years_stand_on_a_linear_axis()
    {
        var page = await fixture.App.GetDocumentAsync("/statistiques");
        Assert.DoesNotContain("…", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        foreach (var chart in page.QuerySelectorAll("[data-testid='chart']"))
        {
            var labels = chart.QuerySelectorAll("[data-testid='chart-table'] tbody th").Select(th => th.TextContent.Trim()).ToList();
            var categories = chart.QuerySelectorAll("svg .chart-category").Select(t => t.TextContent).ToList();
            if (categories.Count > 0) Assert.Equal(string.Join(" ", labels), string.Join(" ", categories));
        }

        // Partnerships by year of signature: some years have none, and keep their place.
        var signed = page.QuerySelector("[data-chart='partenariats-par-annee']")!;
        var years = signed.QuerySelectorAll("[data-testid='chart-table'] tbody tr").Select(r => int.Parse(r.GetAttribute("data-code")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(years[^1] - years[0] + 1 > years.Count, "the demo data has years without a signature");
        var xs = signed.QuerySelectorAll("svg rect").Select(r => double.Parse(r.GetAttribute("x")!, CultureInfo.InvariantCulture)).ToList();
        var perYear = (xs[^1] - xs[0]) / (years[^1] - years[0]);
        Assert.All(years.Zip(xs), p => Assert.Equal(xs[0] + (p.First - years[0]) * perYear, p.Second, 0.2));
    }

    [Fact]
    public async Task Each_csv_holds_exactly_the_figures_of_its_table()
    {
        var page = await fixture.App.GetDocumentAsync("/statistiques");
        using var client = fixture.App.CreateClient();
        foreach (var chart in page.QuerySelectorAll("[data-testid='chart']"))
        {
            var slug = chart.GetAttribute("data-chart")!;
            using var response = await client.GetAsync($"/statistiques/{slug}.csv", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var rows = chart.QuerySelectorAll("[data-testid='chart-table'] tbody tr");
            Assert.Equal(rows.Length + 1, lines.Length);
            Assert.StartsWith("code,libelle,", lines[0], StringComparison.Ordinal);
            for (var i = 0; i < rows.Length; i++)
            {
                var values = rows[i].QuerySelectorAll("td").Select(td => td.GetAttribute("data-value")!);
                var expected = string.Join(",", new[] { rows[i].GetAttribute("data-code")!, Csv(rows[i].QuerySelector("th")!.TextContent) }.Concat(values));
                Assert.Equal(expected, lines[i + 1]);
            }
        }
    }

    [Fact]
    public async Task The_figures_are_the_databases()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        using var client = fixture.App.CreateClient();

        // Projects by country, region and theme: what the base tables say (ProjectFacts), never the stored summary columns.
        // The projects are the last but one column (a label may hold a comma).
        var facts = await ProjectFacts.LoadAsync(db);
        var byCountry = facts.CountBy(p => p.Countries);
        var countries = await CsvAsync(client, "pays");
        Assert.Contains(countries, r => r[0] == "MA");
        Assert.All(countries, r => Assert.Equal(byCountry.GetValueOrDefault(r[0]).ToString(CultureInfo.InvariantCulture), r[^2]));
        var byRegion = facts.CountBy(p => p.Regions);
        var regions = await CsvAsync(client, "regions");
        Assert.Contains(regions, r => r[0] == "93");
        Assert.All(regions, r => Assert.Equal(byRegion.GetValueOrDefault(r[0]).ToString(CultureInfo.InvariantCulture), r[^2]));
        var byTheme = facts.CountBy(p => p.Themes.Select(t => facts.ThemeKeys[t]));
        var themes = await CsvAsync(client, "thematiques");
        Assert.Contains(themes, r => r[^2] != "0");
        Assert.All(themes, r => Assert.Equal(byTheme.GetValueOrDefault(r[0]).ToString(CultureInfo.InvariantCulture), r[^2]));

        var activity = await CsvAsync(client, "projets-par-annee");
        var started2008 = await db.Projects.CountAsync(p => p.StartYear == 2008, Ct);
        var ended2010 = await db.Projects.CountAsync(p => p.EndYear == 2010, Ct);
        Assert.Equal(started2008.ToString(CultureInfo.InvariantCulture), activity.Single(r => r[0] == "2008")[2]);
        Assert.Equal(ended2010.ToString(CultureInfo.InvariantCulture), activity.Single(r => r[0] == "2010")[4]);

        var eur = await CsvAsync(client, "financements-eur-par-annee");
        var eurTotal = await db.Fundings.Where(f => f.CurrencyCode == "EUR").SumAsync(f => f.Amount, Ct);
        Assert.Equal(eurTotal, eur.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)));

        var top = await CsvAsync(client, "principaux-pays");
        Assert.Equal(10, top.Count);
        Assert.Equal("MA", top[0][0]);
    }

    [Fact]
    public async Task An_unknown_chart_is_404()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/statistiques/inconnu.csv", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void A_year_counts_projects_started_going_on_and_ended()
    {
        const ProjectStatus Ongoing = ProjectStatus.Ongoing, Completed = ProjectStatus.Completed, Planned = ProjectStatus.Planned;
        var years = Core.Statistics.AtlasStatisticsQuery.ActivityByYear(
        [
            new(2008, 2010, Completed), // started 2008, ended 2010
            new(2009, null, Ongoing),   // « en cours », no end: going on for three years after its start (2010 to 2012)
            new(2009, null, Completed), // completed, end unknown: only its start counts
            new(2009, null, Planned),   // planned: never going on
            new(null, 2009, Completed), // no start year: left out
        ], thisYear: 2020);
        Assert.Equal(
        [
            new(2008, 1, 0, 0), new(2009, 3, 1, 0), new(2010, 0, 1, 1), new(2011, 0, 1, 0), new(2012, 0, 1, 0),
        ], years);
        // A planned end beyond this year does not stretch the years; a planned start does.
        Assert.Equal(2012, Core.Statistics.AtlasStatisticsQuery.ActivityByYear([new(2010, 2030, Ongoing)], thisYear: 2012).Last().Year);
        Assert.Equal(2014, Core.Statistics.AtlasStatisticsQuery.ActivityByYear([new(2010, null, Ongoing), new(2014, null, Planned)], thisYear: 2012).Last().Year);
    }

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string slug)
    {
        var text = await client.GetStringAsync($"/statistiques/{slug}.csv", Ct);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
    }
}
