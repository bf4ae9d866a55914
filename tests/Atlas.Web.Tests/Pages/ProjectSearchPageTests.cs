using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class ProjectSearchPageTests(DemoAppFixture fixture)
{
    [Theory]
    [InlineData("q=fes", "q=fes")]
    [InlineData("pays=MA&theme=developpement-urbain", "country=MA&theme=developpement-urbain")]
    [InlineData("region=93&statut=completed", "region=93&status=completed")]
    [InlineData("q=eau&de=2000&a=2008", "q=eau&yearFrom=2000&yearTo=2008")]
    [InlineData("theme=culture-patrimoine", "theme=culture-patrimoine")]
    public async Task The_page_and_the_api_find_the_same_projects(string pageQuery, string apiQuery)
    {
        var fromPage = new List<int>();
        var first = await fixture.App.GetDocumentAsync($"/projets?{pageQuery}");
        PageAssertions.IsClean(first);
        var total = int.Parse(PageAssertions.Normalize(first.Text("result-count")).Split(' ')[0].Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        for (var page = 1; fromPage.Count < total; page++)
        {
            var doc = page == 1 ? first : await fixture.App.GetDocumentAsync($"/projets?{pageQuery}&page={page}");
            var ids = Ids(doc);
            Assert.NotEmpty(ids);
            fromPage.AddRange(ids);
        }

        using var client = fixture.App.CreateApiClient();
        var api = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects?limit=100&{apiQuery}", TestContext.Current.CancellationToken))!;
        var fromApi = api["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();
        Assert.Equal(api["total"]!.GetValue<int>(), total);
        Assert.Equal(fromApi.Order(), fromPage.Order());
    }

    [Fact]
    public async Task Facets_count_what_each_filter_value_would_find()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=eau");
        var facet = page.QuerySelectorAll("[data-testid='facet-country']").First(f => f.GetAttribute("data-value") == "MA");
        var count = int.Parse(facet.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
        var filtered = await fixture.App.GetDocumentAsync("/projets?q=eau&pays=MA");
        Assert.StartsWith($"{count} ", PageAssertions.Normalize(filtered.Text("result-count")), StringComparison.Ordinal);
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

    private static List<int> Ids(IDocument page) => page.QuerySelectorAll("[data-testid='result-item']")
        .Select(i => int.Parse(i.GetAttribute("data-project-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
