using System.Globalization;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

/// <summary>/collectivites: its filters against the same conditions written in SQL over the base tables, its pages, orders, counts and messages.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class AuthorityDirectoryPageTests(DemoAppFixture fixture)
{
    /// <summary>The authorities a filter matches, written over local_authorities and departments (the region of a French authority is its own or its département's).</summary>
    private const string Matching = """
        SELECT a.id, a.name, a.country_code::text, a.kind, coalesce(a.region_code, d.region_code) AS region, a.department_code, a.population
        FROM local_authorities a LEFT JOIN departments d ON d.code = a.department_code
        WHERE a.deleted_at IS NULL
          AND (@country::text IS NULL OR a.country_code = @country)
          AND (@kind::text IS NULL OR a.kind = @kind)
          AND (@region::text IS NULL OR coalesce(a.region_code, d.region_code) = @region)
          AND (@department::text IS NULL OR a.department_code = @department)
          AND (@word::text IS NULL OR atlas_unaccent(lower(a.name)) ~ ('\m' || atlas_unaccent(lower(@word)) || '\M'))
        """;

    [Theory]
    [InlineData("pays=MA")]
    [InlineData("pays=FR&region=93")]
    [InlineData("departement=13")]
    [InlineData("pays=MA&type=commune-urbaine")]
    [InlineData("q=marrakech")]
    [InlineData("q=Salé")]
    public async Task The_directory_lists_across_its_pages_exactly_the_authorities_the_base_tables_match(string query)
    {
        var expected = (await ExpectedAsync(query)).Select(r => (int)r[0]!).Order().ToList();
        Assert.NotEmpty(expected);

        var (total, items) = await DirectoryPages.AllPagesAsync(fixture.App, $"/collectivites?{query}");

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, items.Select(i => DirectoryPages.Int(i, "data-authority-id")).Order().ToList());
    }

    [Fact]
    public async Task Every_authority_appears_once_across_the_pages_of_the_whole_directory_in_french_order()
    {
        var expected = await ExpectedAsync("");
        Assert.True(expected.Count > CollectivitesPageSize, "the demo data must fill more than one page");

        var (total, items) = await DirectoryPages.AllPagesAsync(fixture.App, "/collectivites");

        Assert.Equal(expected.Count, total);
        var ids = items.Select(i => DirectoryPages.Int(i, "data-authority-id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected.Select(r => (int)r[0]!).Order(), ids.Order());
        var names = items.Select(i => i.QuerySelector("th a")!.TextContent).ToList();
        for (var i = 1; i < names.Count; i++)
            Assert.True(DirectoryPages.FrenchOrder.Compare(names[i - 1], names[i]) <= 0, $"« {names[i - 1]} » is listed before « {names[i]} »");
    }

    [Fact]
    public async Task Sorted_by_population_the_largest_come_first_and_the_unknown_last()
    {
        var doc = await fixture.App.GetDocumentAsync("/collectivites?pays=FR&tri=population");
        PageAssertions.IsClean(doc);
        var ids = doc.QuerySelectorAll("[data-testid='result-item']").Select(i => DirectoryPages.Int(i, "data-authority-id")).ToList();
        var population = (await ExpectedAsync("pays=FR")).ToDictionary(r => (int)r[0]!, r => (int?)r[6]);
        var expected = population.Where(p => p.Value is not null).OrderByDescending(p => p.Value).Select(p => p.Value).Take(ids.Count).ToList();
        Assert.True(expected.Count >= 2, "the demo data must have French populations");
        Assert.Equal(expected, ids.Take(expected.Count).Select(id => population[id]).ToList());
    }

    [Fact]
    public async Task Sorted_by_partnerships_the_counts_are_those_of_the_base_tables_largest_first()
    {
        var counts = (await DirectoryPages.RowsAsync(fixture.App.ConnectionString, """
            SELECT pa.local_authority_id, count(*)::int FROM partnership_authorities pa
            JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL GROUP BY pa.local_authority_id
            """)).ToDictionary(r => (int)r[0]!, r => (int)r[1]!);
        Assert.NotEmpty(counts);

        var doc = await fixture.App.GetDocumentAsync("/collectivites?tri=partenariats");
        var rows = doc.QuerySelectorAll("[data-testid='result-item']")
            .Select(i => (Id: DirectoryPages.Int(i, "data-authority-id"), Shown: int.Parse(i.QuerySelector("td[data-label='Partenariats']")!.TextContent.Trim(), CultureInfo.InvariantCulture)))
            .ToList();
        Assert.All(rows, r => Assert.Equal(counts.GetValueOrDefault(r.Id), r.Shown));
        Assert.Equal(counts.Values.OrderDescending().Take(rows.Count), rows.Select(r => r.Shown));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pays=MA")]
    [InlineData("pays=FR&type=commune")]
    [InlineData("region=93")]
    public async Task Each_select_counts_what_choosing_its_values_would_find(string query)
    {
        var doc = await fixture.App.GetDocumentAsync($"/collectivites?{query}");
        PageAssertions.IsClean(doc);
        // A select counts with every filter but its own: what choosing another of its values would give.
        foreach (var (facet, parameter, column) in new[] { ("country", "pays", 2), ("kind", "type", 3), ("region", "region", 4), ("department", "departement", 5) })
        {
            var without = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal)));
            var expected = (await ExpectedAsync(without)).Where(r => r[column] is not null)
                .GroupBy(r => (string)r[column]!).ToDictionary(g => g.Key, g => g.Count());
            // Foreign authorities have no French region or département: those selects may count nothing then.
            Assert.True(expected.Count > 0 || (facet is "region" or "department" && query.Contains("pays=MA", StringComparison.Ordinal)), $"{facet}: no value for {query}");
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), DirectoryPages.Facet(doc, facet).Where(f => f.Value > 0).OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_misspelt_name_finds_nothing_and_suggests_the_authorities_it_resembles()
    {
        var doc = await fixture.App.GetDocumentAsync("/collectivites?q=Marakech");
        PageAssertions.IsClean(doc);
        Assert.Equal(0, DirectoryPages.Total(doc));
        var suggestions = doc.QuerySelectorAll("[data-testid='suggestion']").Select(a => a.TextContent).ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Contains("Marrakech", s, StringComparison.Ordinal));
        Assert.Null(doc.QuerySelector("[data-testid='pagination']"));
    }

    [Fact]
    public async Task A_filter_in_force_is_a_chip_whose_link_is_the_same_list_without_it()
    {
        var doc = await fixture.App.GetDocumentAsync("/collectivites?pays=ma&type=commune-urbaine&tri=population");
        var chips = doc.QuerySelectorAll("[data-testid='filter-chip']").ToDictionary(c => PageAssertions.Normalize(c.TextContent), c => c.GetAttribute("href"));
        Assert.Equal("/collectivites?type=commune-urbaine&tri=population", chips["Retirer le filtre Pays : Maroc"]);
        Assert.Equal("/collectivites?pays=MA&tri=population", chips["Retirer le filtre Type de collectivité : Commune urbaine"]);
    }

    [Theory]
    [InlineData("pays=ZZ", "pays", "Ce pays n'existe pas")]
    [InlineData("region=00", "region", "Cette région n'existe pas")]
    [InlineData("departement=999", "departement", "Ce département n'existe pas")]
    [InlineData("type=chateau", "type", "Ce type de collectivité n'existe pas")]
    [InlineData("tri=taille", "tri", "Cet ordre n'existe pas")]
    public async Task A_bad_value_gets_a_french_message_beside_its_field_and_no_results(string query, string field, string message)
    {
        var doc = await fixture.App.GetDocumentAsync($"/collectivites?{query}");
        PageAssertions.IsClean(doc);
        var error = DirectoryPages.FieldError(doc, field);
        Assert.False(string.IsNullOrWhiteSpace(error), $"no message beside {field}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    [Fact]
    public async Task A_name_longer_than_the_api_allows_gets_the_api_validators_message()
    {
        var doc = await fixture.App.GetDocumentAsync($"/collectivites?q={new string('a', 201)}");
        Assert.Contains("200 caractères", DirectoryPages.FieldError(doc, "q"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_the_name_is_shown_beside_it_in_french_and_answers_400()
    {
        // The same list without the name, cached first: the refused request must not be answered from that cache.
        await fixture.App.GetDocumentAsync("/collectivites?pays=MA");
        var doc = await fixture.App.GetDocumentAsync("/collectivites?q=Mar%00akech&pays=MA", HttpStatusCode.BadRequest);
        PageAssertions.IsClean(doc);
        Assert.Contains("caractère nul", DirectoryPages.FieldError(doc, "q"), StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    [Theory]
    [InlineData("page=abc", 1)]
    [InlineData("page=0", 1)]
    [InlineData("page=99999999999999", 1)]
    [InlineData("page=9999", 0)]
    public async Task A_page_that_cannot_be_shown_gives_a_notice_and_a_page_that_can(string query, int expectedPage)
    {
        var doc = await fixture.App.GetDocumentAsync($"/collectivites?{query}");
        PageAssertions.IsClean(doc);
        Assert.False(string.IsNullOrWhiteSpace(doc.Text("page-notice")));
        Assert.NotEmpty(doc.QuerySelectorAll("[data-testid='result-item']"));
        var last = (DirectoryPages.Total(doc) + CollectivitesPageSize - 1) / CollectivitesPageSize;
        Assert.Equal((expectedPage == 0 ? last : expectedPage).ToString(CultureInfo.InvariantCulture),
            doc.QuerySelector("[data-testid='pagination'] [aria-current='page']")!.TextContent.Trim());
    }

    private const int CollectivitesPageSize = Atlas.Web.Pages.Collectivites.CollectivitesIndexModel.PageSize;

    private Task<List<object?[]>> ExpectedAsync(string query)
    {
        var p = ApiLists.Parameters(query).ToDictionary(x => x.Name, x => x.Value);
        return DirectoryPages.RowsAsync(fixture.App.ConnectionString, Matching,
            ("country", p.GetValueOrDefault("pays")?.ToUpperInvariant()), ("kind", p.GetValueOrDefault("type")),
            ("region", p.GetValueOrDefault("region")), ("department", p.GetValueOrDefault("departement")), ("word", p.GetValueOrDefault("q")));
    }
}
