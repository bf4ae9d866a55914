using System.Globalization;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

/// <summary>/partenariats: the API list's filters against the same conditions written in SQL over the base tables, its pages, orders, counts and messages.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class PartnershipDirectoryPageTests(DemoAppFixture fixture)
{
    private const int PageSize = Atlas.Web.Pages.Partenariats.PartenariatsIndexModel.PageSize;

    /// <summary>The partnerships a filter matches: a foreign authority of the country, a French one of the region or département, the authority, the status, the year of signature.</summary>
    private const string Matching = """
        SELECT p.id, p.title, p.status, p.signed_year FROM partnerships p
        WHERE p.deleted_at IS NULL
          AND (@country::text IS NULL OR EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                WHERE pa.partnership_id = p.id AND a.country_code = @country AND a.country_code <> 'FR'))
          AND (@region::text IS NULL OR EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                LEFT JOIN departments d ON d.code = a.department_code WHERE pa.partnership_id = p.id AND coalesce(a.region_code, d.region_code) = @region))
          AND (@department::text IS NULL OR EXISTS (SELECT 1 FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                WHERE pa.partnership_id = p.id AND a.department_code = @department))
          AND (@authority::int IS NULL OR EXISTS (SELECT 1 FROM partnership_authorities pa WHERE pa.partnership_id = p.id AND pa.local_authority_id = @authority))
          AND (@status::text IS NULL OR p.status = @status)
          AND (@from::int IS NULL OR p.signed_year >= @from)
          AND (@to::int IS NULL OR p.signed_year <= @to)
        """;

    [Theory]
    [InlineData("pays=MA")]
    [InlineData("region=93")]
    [InlineData("departement=13")]
    [InlineData("collectivite={oujda}")]
    [InlineData("pays=MA&de=1990&a=2005")]
    [InlineData("statut=unknown&pays=DE")]
    public async Task The_directory_lists_across_its_pages_exactly_the_partnerships_the_base_tables_match(string query)
    {
        query = await WithIdsAsync(query);
        var expected = (await ExpectedAsync(query)).Select(r => (int)r[0]!).Order().ToList();
        Assert.NotEmpty(expected);

        var (total, items) = await DirectoryPages.AllPagesAsync(fixture.App, $"/partenariats?{query}");

        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, items.Select(i => DirectoryPages.Int(i, "data-partnership-id")).Order().ToList());
    }

    [Fact]
    public async Task Every_partnership_appears_once_across_the_pages_in_french_order_of_titles()
    {
        var expected = await ExpectedAsync("");
        Assert.True(expected.Count > 2 * PageSize, "the demo data must fill several pages");

        var (total, items) = await DirectoryPages.AllPagesAsync(fixture.App, "/partenariats");

        Assert.Equal(expected.Count, total);
        var ids = items.Select(i => DirectoryPages.Int(i, "data-partnership-id")).ToList();
        Assert.Equal(expected.Select(r => (int)r[0]!).Order(), ids.Order());
        var titles = items.Select(i => i.QuerySelector("h3 a")!.TextContent).ToList();
        for (var i = 1; i < titles.Count; i++)
            Assert.True(DirectoryPages.FrenchOrder.Compare(titles[i - 1], titles[i]) <= 0, $"« {titles[i - 1]} » is listed before « {titles[i]} »");
    }

    [Fact]
    public async Task Sorted_by_signature_the_latest_come_first_and_the_undated_last()
    {
        var years = (await ExpectedAsync("")).ToDictionary(r => (int)r[0]!, r => (int?)r[3]);
        Assert.Contains(years.Values, y => y is not null);
        Assert.Contains(years.Values, y => y is null);

        var (_, items) = await DirectoryPages.AllPagesAsync(fixture.App, "/partenariats?tri=signature");
        var shown = items.Select(i => years[DirectoryPages.Int(i, "data-partnership-id")]).ToList();
        Assert.Equal(years.Values.Where(y => y is not null).OrderDescending().Concat(years.Values.Where(y => y is null)), shown);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pays=MA")]
    [InlineData("region=93&statut=unknown")]
    public async Task Each_counted_select_counts_what_choosing_its_values_would_find(string query)
    {
        var doc = await fixture.App.GetDocumentAsync($"/partenariats?{query}");
        PageAssertions.IsClean(doc);

        var status = await CountsAsync(Without(query, "statut"), "SELECT m.status, count(*)::int FROM m GROUP BY m.status");
        var countries = await CountsAsync(Without(query, "pays"), """
            SELECT a.country_code::text, count(DISTINCT m.id)::int FROM m JOIN partnership_authorities pa ON pa.partnership_id = m.id
            JOIN local_authorities a ON a.id = pa.local_authority_id WHERE a.country_code <> 'FR' GROUP BY a.country_code
            """);
        var regions = await CountsAsync(Without(query, "region"), """
            SELECT coalesce(a.region_code, d.region_code), count(DISTINCT m.id)::int FROM m JOIN partnership_authorities pa ON pa.partnership_id = m.id
            JOIN local_authorities a ON a.id = pa.local_authority_id LEFT JOIN departments d ON d.code = a.department_code
            WHERE a.country_code = 'FR' AND coalesce(a.region_code, d.region_code) IS NOT NULL GROUP BY 1
            """);
        foreach (var (facet, expected) in new[] { ("status", status), ("country", countries), ("region", regions) })
        {
            Assert.True(expected.Count > 0, $"{facet}: no value for {query}");
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), DirectoryPages.Facet(doc, facet).Where(f => f.Value > 0).OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task An_authority_filter_is_shown_by_its_name_and_removable()
    {
        var query = await WithIdsAsync("collectivite={oujda}&pays=MA");
        var doc = await fixture.App.GetDocumentAsync($"/partenariats?{query}");
        var chip = doc.QuerySelectorAll("[data-testid='filter-chip']").Single(c => c.TextContent.Contains("Collectivité", StringComparison.Ordinal));
        Assert.Contains("Oujda", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal("/partenariats?pays=MA", chip.GetAttribute("href"));
    }

    [Theory]
    [InlineData("pays=ZZ", "pays", "Ce pays n'existe pas")]
    [InlineData("statut=suspendu-a-jamais", "statut", "Ce statut n'existe pas")]
    [InlineData("de=abc", "de", "Indiquez une année")]
    [InlineData("de=2010&a=2000", "a", "postérieure")]
    [InlineData("de=99999999999", "de", "Indiquez une année")]
    [InlineData("a=1200", "a", "comprise entre")]
    [InlineData("collectivite=abc", "collectivite", "identifiant")]
    [InlineData("collectivite=99999999", "collectivite", "n'existe pas")]
    [InlineData("theme=inconnue", "theme", "thématique")]
    public async Task A_bad_value_gets_a_french_message_beside_its_field_and_no_results(string query, string field, string message)
    {
        var doc = await fixture.App.GetDocumentAsync($"/partenariats?{query}");
        PageAssertions.IsClean(doc);
        var error = DirectoryPages.FieldError(doc, field);
        Assert.False(string.IsNullOrWhiteSpace(error), $"no message beside {field}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    private static string Without(string query, string parameter) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal)));

    private async Task<string> WithIdsAsync(string query)
    {
        if (!query.Contains("{oujda}", StringComparison.Ordinal)) return query;
        var id = (int)(await DirectoryPages.RowsAsync(fixture.App.ConnectionString, "SELECT id FROM local_authorities WHERE key = 'ma-commune-oujda'")).Single()[0]!;
        return query.Replace("{oujda}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private Task<List<object?[]>> ExpectedAsync(string query) => DirectoryPages.RowsAsync(fixture.App.ConnectionString, Matching, Parameters(query));

    /// <summary>Counts over the partnerships a filter matches, the query's FROM m being those partnerships.</summary>
    private async Task<Dictionary<string, int>> CountsAsync(string query, string select) =>
        (await DirectoryPages.RowsAsync(fixture.App.ConnectionString, $"WITH m AS ({Matching}) {select}", Parameters(query)))
            .ToDictionary(r => (string)r[0]!, r => (int)r[1]!);

    [Fact]
    public async Task A_nul_in_the_name_is_shown_beside_it_in_french_and_answers_400()
    {
        // The same list without the name, cached first: the refused request must not be answered from that cache.
        await fixture.App.GetDocumentAsync("/partenariats?pays=MA");
        var doc = await fixture.App.GetDocumentAsync("/partenariats?q=eau%00&pays=MA", HttpStatusCode.BadRequest);
        PageAssertions.IsClean(doc);
        Assert.Contains("caractère nul", DirectoryPages.FieldError(doc, "q"), StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    private static (string, object?)[] Parameters(string query)
    {
        var p = ApiLists.Parameters(query).ToDictionary(x => x.Name, x => x.Value);
        int? Int(string name) => p.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return
        [
            ("country", p.GetValueOrDefault("pays")?.ToUpperInvariant()), ("region", p.GetValueOrDefault("region")),
            ("department", p.GetValueOrDefault("departement")), ("authority", Int("collectivite")), ("status", p.GetValueOrDefault("statut")),
            ("from", Int("de")), ("to", Int("a")),
        ];
    }
}
