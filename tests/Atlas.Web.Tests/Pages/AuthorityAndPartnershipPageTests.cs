using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

/// <summary>The authority and partnership pages: cards that name the partner country, no line repeated, contacts shown, neutral wording.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class AuthorityAndPartnershipPageTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_french_authoritys_cards_name_the_partner_country_and_never_the_authority_itself()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        // The French authority with the most partnerships: where a repeated line would show most.
        var aix = await db.LocalAuthorities.Where(a => a.CountryCode == "FR").OrderByDescending(a => a.Partnerships.Count).ThenBy(a => a.Id).FirstAsync(Ct);
        var expected = await db.Database.SqlQueryRaw<PartnerCountry>("""
            SELECT pa.partnership_id AS partnership_id, c.name AS "Country"
            FROM partnership_authorities self JOIN partnership_authorities pa ON pa.partnership_id = self.partnership_id
            JOIN local_authorities a ON a.id = pa.local_authority_id JOIN countries c ON c.code = a.country_code
            JOIN partnerships p ON p.id = pa.partnership_id
            WHERE self.local_authority_id = {0}
              AND a.country_code <> 'FR' AND a.deleted_at IS NULL AND p.deleted_at IS NULL
            """, aix.Id).ToListAsync(Ct);
        Assert.NotEmpty(expected);

        var page = await fixture.App.GetDocumentAsync($"/collectivites/{aix.Id}");
        PageAssertions.IsClean(page);
        var cards = page.QuerySelectorAll("[data-testid='partnership-item']");
        Assert.Equal(expected.Select(e => e.PartnershipId).Distinct().Count(), cards.Length);
        // The partner country is on each card, or said once above them when it is the same for all.
        var common = page.QuerySelector("[data-testid='partnerships-country']");
        Assert.All(cards, card =>
        {
            var id = int.Parse(card.GetAttribute("data-partnership-id")!, System.Globalization.CultureInfo.InvariantCulture);
            var countries = expected.Where(e => e.PartnershipId == id).Select(e => e.Country).Distinct().Order().ToList();
            var shown = card.QuerySelector("[data-testid='partnership-country'] dd") ?? common!.QuerySelector("dd")!;
            Assert.Equal(countries, PageAssertions.Normalize(shown.TextContent).Split(", ").Order());
            Assert.Null(card.QuerySelector($"a[href='/collectivites/{aix.Id}']"));
            Assert.DoesNotContain(aix.Name, card.TextContent, StringComparison.Ordinal);
        });
        // No line is the same on every card.
        var lines = cards.Select(c => c.QuerySelectorAll("dl > div").Select(d => PageAssertions.Normalize(d.TextContent)).ToHashSet()).ToList();
        Assert.True(cards.Length > 1);
        Assert.Empty(lines.Aggregate((a, b) => [.. a.Intersect(b)]));
    }

    [Fact]
    public async Task The_page_of_an_authority_with_a_long_name_uses_it_only_as_its_title()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var marrakech = await db.LocalAuthorities.Where(a => a.Name == "Commune urbaine de Marrakech").SingleAsync(Ct);
        var page = await fixture.App.GetDocumentAsync($"/collectivites/{marrakech.Id}");
        PageAssertions.IsClean(page);
        Assert.Equal(marrakech.Name, page.Text("authority-name"));
        Assert.All(page.QuerySelectorAll("main h2, main h3, main caption, main svg title, main p"),
            e => Assert.DoesNotContain(marrakech.Name, e.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("partenaires de Commune", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partnerships_contacts_are_shown_with_their_emails_protected()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var counts = await db.Database.SqlQueryRaw<Counted>("""
            SELECT c.partnership_id AS "Id", count(*)::int AS "Count" FROM contacts c JOIN partnerships p ON p.id = c.partnership_id
            WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL AND c.email IS NOT NULL GROUP BY c.partnership_id ORDER BY c.partnership_id LIMIT 5
            """).ToListAsync(Ct);
        Assert.NotEmpty(counts);
        foreach (var (id, count) in counts)
        {
            var page = await fixture.App.GetDocumentAsync($"/partenariats/{id}");
            PageAssertions.IsClean(page);
            var contacts = page.QuerySelectorAll("[data-testid='partnership-contacts'] [data-testid='record-contact']");
            Assert.True(contacts.Length >= count);
            Assert.Contains(contacts, c => c.TextContent.Contains(" [at] ", StringComparison.Ordinal));
        }
    }

    private sealed record PartnerCountry(int PartnershipId, string Country);

    private sealed record Counted(int Id, int Count);
}
