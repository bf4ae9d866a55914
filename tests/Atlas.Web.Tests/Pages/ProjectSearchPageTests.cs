using System.Globalization;
using AngleSharp.Dom;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class ProjectSearchPageTests(DemoAppFixture fixture)
{
    [Theory]
    [InlineData("q=fes")]
    [InlineData("pays=MA&theme=developpement-urbain")]
    [InlineData("region=93&statut=completed")]
    [InlineData("q=eau&de=2000&a=2008")]
    [InlineData("theme=culture-patrimoine")]
    [InlineData("departement=13&theme=culture-patrimoine/patrimoine")]
    public async Task The_page_finds_what_the_base_tables_match(string pageQuery)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var facts = await ProjectFacts.LoadAsync(db);
        var expected = await facts.ExpectedIdsAsync(db, ApiQuery(pageQuery));

        var fromPage = new List<int>();
        var first = await fixture.App.GetDocumentAsync($"/projets?{pageQuery}");
        PageAssertions.IsClean(first);
        var total = int.Parse(PageAssertions.Normalize(first.Text("result-count")).Split(' ')[0].Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        for (var page = 1; fromPage.Count < total; page++)
        {
            var doc = page == 1 ? first : await fixture.App.GetDocumentAsync($"/projets?{pageQuery}&page={page}");
            var ids = Ids(doc);
            Assert.NotEmpty(ids);
            fromPage.AddRange(ids);
        }

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, fromPage.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=eau")]
    [InlineData("q=eau&pays=MA&statut=ongoing")]
    [InlineData("theme=developpement-urbain&region=93")]
    [InlineData("pays=MA&theme=eau-assainissement")]
    public async Task Facets_count_what_each_filter_value_would_find(string pageQuery)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var facts = await ProjectFacts.LoadAsync(db);
        var page = await fixture.App.GetDocumentAsync($"/projets?{pageQuery}");
        PageAssertions.IsClean(page);

        // Each facet counts, for each of its values, the projects the search would find with that value instead of its own.
        foreach (var facet in new[] { "country", "region", "department", "theme", "status" })
        {
            var expected = await facts.FacetAsync(db, ApiQuery(pageQuery), facet);
            Assert.True(expected.Count > 0, $"{facet}: no value in the demo data for {pageQuery}.");
            var shown = page.QuerySelectorAll($"[data-testid='facet-{facet}']")
                .ToDictionary(o => o.GetAttribute("data-value")!, o => int.Parse(o.GetAttribute("data-count")!, CultureInfo.InvariantCulture));
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), shown.Where(s => s.Value > 0).OrderBy(s => s.Key, StringComparer.Ordinal));
            Assert.All(shown.Where(s => s.Value == 0), s => Assert.False(expected.ContainsKey(s.Key), $"{facet} {s.Key}"));
        }
    }

    [Theory]
    [InlineData("pays=ZZ", "pays", "Ce pays n'existe pas")]
    [InlineData("de=abc", "de", "")]
    [InlineData("de=2010&a=2000", "a", "postérieure")]
    [InlineData("theme=inconnue", "theme", "thématique")]
    public async Task Bad_filters_get_a_french_message_beside_their_field_and_keep_the_input(string query, string field, string message)
    {
        var page = await fixture.App.GetDocumentAsync($"/projets?{query}");
        PageAssertions.IsClean(page);
        var error = page.Text($"field-error-{field}");
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-testid='result-item']"));
        var typed = query.Split('&').First(p => p.StartsWith(field + "=", StringComparison.Ordinal)).Split('=')[1];
        var input = page.QuerySelector($"[name='{field}']")!;
        var kept = input is AngleSharp.Html.Dom.IHtmlSelectElement select
            ? select.QuerySelector("option[selected]")?.GetAttribute("value") ?? select.Value
            : input.GetAttribute("value");
        Assert.Equal(typed, kept);
    }

    [Fact]
    public async Task An_empty_result_says_so_and_offers_to_widen()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=zzzyyyxxx&pays=MA");
        PageAssertions.IsClean(page);
        var empty = page.TestId("empty-result");
        Assert.NotEmpty(empty.QuerySelectorAll("a[href]"));
        Assert.Null(page.QuerySelector("[data-testid='pagination']"));
    }

    /// <summary>The page's parameters under the API's names, for <see cref="ProjectFacts"/>.</summary>
    private static string ApiQuery(string pageQuery) => string.Join('&', ApiLists.Parameters(pageQuery).Select(p =>
        (p.Name switch
        {
            "pays" => "country",
            "departement" => "department",
            "collectivite" => "authority",
            "statut" => "status",
            "de" => "yearFrom",
            "a" => "yearTo",
            _ => p.Name,
        }) + "=" + Uri.EscapeDataString(p.Value)));

    private static List<int> Ids(IDocument page) => page.QuerySelectorAll("[data-testid='result-item']")
        .Select(i => int.Parse(i.GetAttribute("data-project-id")!, CultureInfo.InvariantCulture)).ToList();
}
