using System.Globalization;
using Atlas.Tools.Synthetic;
using Atlas.Web.Pages.Pays;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

/// <summary>
/// A country with many partnerships shows them a page at a time, in title order, with its figures for the whole country
/// and its French partners counted per region; a page past the last one says so in French with a 404.
/// </summary>
public sealed class CountryPagingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_big_country_lists_its_partnerships_page_by_page_and_a_page_past_the_last_says_so()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await new SyntheticAtlas(connectionString).GenerateAsync(new SyntheticOptions(0.2, Force: true), null, Ct);
        await using var app = new AtlasApp(connectionString, new Dictionary<string, string> { ["Atlas:OutputCache:Enabled"] = "false" });

        await using var db = TestDatabase.CreateContext(connectionString);
        var code = await db.LocalAuthorities.Where(a => a.CountryCode != "FR")
            .GroupBy(a => a.CountryCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Ct);
        var expected = (await db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthority!.CountryCode == code))
            .Select(p => new { p.Id, p.Title }).ToListAsync(Ct))
            // French alphabetical order (the titles' collation, fr-x-icu), as .NET's French culture sorts them.
            .OrderBy(p => p.Title, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.None)).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        var pages = (expected.Count + PaysDetailModel.PageSize - 1) / PaysDetailModel.PageSize;
        Assert.True(pages >= 3, $"{code} has {expected.Count} partnerships: too few to page");

        var first = await app.GetDocumentAsync($"/pays/{code}");
        PageAssertions.IsClean(first);
        Assert.Contains($"Page 1 sur {pages}", first.Text("pagination"), StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("[data-testid='pagination'] a[rel='prev']"));
        Assert.Equal($"/pays/{code}?page=2", first.QuerySelector("[data-testid='pagination'] a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(Format(expected.Count), PageAssertions.Normalize(first.QuerySelector(".figures li strong")!.TextContent));
        // Where in France: a count per region, never a list of every partner.
        Assert.InRange(first.QuerySelectorAll("[data-testid='region-group']").Length, 1, 19);

        var shown = new List<int>();
        for (var number = 1; number <= pages; number++)
        {
            var page = number == 1 ? first : await app.GetDocumentAsync($"/pays/{code}?page={number}");
            shown.AddRange(page.QuerySelectorAll("[data-testid='partnership-item']").Select(e => int.Parse(e.GetAttribute("data-partnership-id")!, CultureInfo.InvariantCulture)));
            if (number == 2)
            {
                Assert.Equal($"/pays/{code}", page.QuerySelector("[data-testid='pagination'] a[rel='prev']")!.GetAttribute("href"));
                Assert.Contains($"{Format(expected.Count)} partenariats ; ici, les partenariats 51 à 100.", page.Text("partnerships-range"), StringComparison.Ordinal);
            }
        }
        Assert.Equal(expected, shown);

        var past = await app.GetDocumentAsync($"/pays/{code}?page={pages + 1}", HttpStatusCode.NotFound);
        Assert.Equal($"Il n'y a pas de page {pages + 1} : les {Format(expected.Count)} partenariats de ce pays tiennent en {pages} pages. Revenir à la première page",
            past.Text("page-error"));
        Assert.Empty(past.QuerySelectorAll("[data-testid='partnership-item']"));
        foreach (var wrong in new[] { "0", "-1", "deux", "99999999999" })
        {
            await app.GetDocumentAsync($"/pays/{code}?page={wrong}", HttpStatusCode.NotFound);
        }
    }

    private static string Format(int count) => PageAssertions.Normalize(count.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")));
}
