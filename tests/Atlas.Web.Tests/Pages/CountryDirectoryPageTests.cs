using System.Globalization;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

/// <summary>/pays: the partner countries and their counts against the base tables, France never among them, and its orders.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class CountryDirectoryPageTests(DemoAppFixture fixture)
{
    /// <summary>
    /// Each country with its partnerships (those with a foreign authority of the country, each once) and its projects
    /// (those naming it among their countries), written over the base tables; France is the home side, never a partner.
    /// </summary>
    private const string Partners = """
        SELECT c.code::text, c.name,
               (SELECT count(DISTINCT pa.partnership_id) FROM partnership_authorities pa
                  JOIN local_authorities a ON a.id = pa.local_authority_id JOIN partnerships p ON p.id = pa.partnership_id
                 WHERE a.country_code = c.code AND p.deleted_at IS NULL)::int AS partnerships,
               (SELECT count(*) FROM projects pr WHERE c.code::text = ANY (pr.country_codes) AND pr.deleted_at IS NULL)::int AS projects
        FROM countries c
        WHERE c.code <> 'FR'
        """;

    [Fact]
    public async Task The_directory_lists_every_partner_country_with_the_counts_of_the_base_tables_and_never_france()
    {
        var expected = (await DirectoryPages.RowsAsync(fixture.App.ConnectionString, Partners))
            .Where(r => (int)r[2]! > 0 || (int)r[3]! > 0)
            .ToDictionary(r => (string)r[0]!, r => ((int)r[2]!, (int)r[3]!));
        Assert.True(expected.Count > 10, "the demo data must have partner countries");

        var (total, items) = await DirectoryPages.AllPagesAsync(fixture.App, "/pays");

        Assert.Equal(expected.Count, total);
        var shown = items.ToDictionary(i => i.GetAttribute("data-country")!, i => (Count(i, "Partenariats"), Count(i, "Projets")));
        Assert.DoesNotContain("FR", shown.Keys);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), shown.OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task By_default_the_countries_are_in_french_alphabetical_order()
    {
        var (_, items) = await DirectoryPages.AllPagesAsync(fixture.App, "/pays");
        var names = items.Select(i => i.QuerySelector("th a")!.TextContent).ToList();
        Assert.Contains("Égypte", names);
        for (var i = 1; i < names.Count; i++)
            Assert.True(DirectoryPages.FrenchOrder.Compare(names[i - 1], names[i]) <= 0, $"« {names[i - 1]} » is listed before « {names[i]} »");
        // Code-point order would put É after Z.
        Assert.True(names.IndexOf("Égypte") < names.IndexOf("Espagne"));
    }

    [Theory]
    [InlineData("partenariats", "Partenariats")]
    [InlineData("projets", "Projets")]
    public async Task Sorted_by_a_count_the_largest_come_first(string sort, string column)
    {
        var (_, items) = await DirectoryPages.AllPagesAsync(fixture.App, $"/pays?tri={sort}");
        var counts = items.Select(i => Count(i, column)).ToList();
        Assert.True(counts[0] > 0);
        Assert.Equal(counts.OrderDescending(), counts);
        var header = (await fixture.App.GetDocumentAsync($"/pays?tri={sort}")).QuerySelector("th[aria-sort]")!;
        Assert.Equal("descending", header.GetAttribute("aria-sort"));
        Assert.Equal(column, header.TextContent.Trim());
    }

    [Theory]
    [InlineData("maroc", "MA")]
    [InlineData("EGYPTE", "EG")]
    public async Task A_name_filters_the_countries_accents_and_case_ignored(string typed, string code)
    {
        var doc = await fixture.App.GetDocumentAsync($"/pays?q={Uri.EscapeDataString(typed)}");
        PageAssertions.IsClean(doc);
        Assert.Equal([code], doc.QuerySelectorAll("[data-testid='result-item']").Select(i => i.GetAttribute("data-country")).ToList());
        Assert.Single(doc.QuerySelectorAll("[data-testid='filter-chip']"));
    }

    [Theory]
    [InlineData("tri=taille", "tri")]
    public async Task A_bad_value_gets_a_french_message_beside_its_field(string query, string field)
    {
        var doc = await fixture.App.GetDocumentAsync($"/pays?{query}");
        PageAssertions.IsClean(doc);
        Assert.False(string.IsNullOrWhiteSpace(DirectoryPages.FieldError(doc, field)));
    }

    [Fact]
    public async Task A_name_longer_than_the_api_allows_gets_the_api_validators_message()
    {
        var doc = await fixture.App.GetDocumentAsync($"/pays?q={new string('a', 101)}");
        Assert.Contains("100 caractères", DirectoryPages.FieldError(doc, "q"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last_with_a_notice()
    {
        var doc = await fixture.App.GetDocumentAsync("/pays?page=40");
        Assert.False(string.IsNullOrWhiteSpace(doc.Text("page-notice")));
        Assert.NotEmpty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    [Fact]
    public async Task A_nul_in_the_name_is_shown_beside_it_in_french_and_answers_400()
    {
        // The same list without the name, cached first: the refused request must not be answered from that cache.
        await fixture.App.GetDocumentAsync("/pays");
        var doc = await fixture.App.GetDocumentAsync("/pays?q=ma%00roc", HttpStatusCode.BadRequest);
        PageAssertions.IsClean(doc);
        Assert.Contains("caractère nul", DirectoryPages.FieldError(doc, "q"), StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-testid='result-item']"));
    }

    private static int Count(AngleSharp.Dom.IElement row, string label) =>
        int.Parse(row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim(), NumberStyles.AllowThousands, DirectoryPages.French);
}
