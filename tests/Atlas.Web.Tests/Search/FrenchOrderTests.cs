using System.Globalization;
using Atlas.Core.Authorities;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// Alphabetical order is French order (Cléon before Clichy, Nîmes before Nord-Pas de Calais, Saint-Étienne before
/// Saint-Germain-en-Laye) in the API's sorts across cursor pages and on the search page, checked against the names read from
/// the base tables and sorted in memory by .NET's French culture, not by the database.
/// </summary>
public sealed class FrenchOrderTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.None);

    private static readonly string[] Examples = ["Clichy", "Cléon", "Nord-Pas de Calais", "Nîmes", "Saint-Germain-en-Laye", "Saint-Étienne"];

    [Fact]
    public async Task Names_and_titles_sort_in_french_order_across_cursor_pages_and_on_the_search_page()
    {
        await using var app = await AtlasApp.StartAsync(database);
        await using (var db = TestDatabase.CreateContext(app.ConnectionString))
        {
            // Code-point order would put each second name first: é, î and É come after every unaccented letter.
            foreach (var name in Examples)
                db.LocalAuthorities.Add(new LocalAuthority { Name = name, Kind = AuthorityKind.Commune, CountryCode = "FR", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = TestDatabase.CreateContext(app.ConnectionString);
        var authorities = await read.LocalAuthorities.Select(a => new Named(a.Id, a.Name)).ToListAsync(Ct);
        var names = await WalkNamesAsync(app, "/api/v1/authorities", "sort=name", "name", limit: 23);
        Assert.Equal(InFrench(authorities), names);
        Assert.True(names.IndexOf("Cléon") < names.IndexOf("Clichy"), "Cléon before Clichy");
        Assert.True(names.IndexOf("Nîmes") < names.IndexOf("Nord-Pas de Calais"), "Nîmes before Nord-Pas de Calais");
        Assert.True(names.IndexOf("Saint-Étienne") < names.IndexOf("Saint-Germain-en-Laye"), "Saint-Étienne before Saint-Germain-en-Laye");
        // Descending: the same order reversed, ties still by id (so reversed only where names differ).
        var descending = authorities.OrderByDescending(a => a.Name, French).ThenBy(a => a.Id).Select(a => a.Name).ToList();
        Assert.Equal(descending, await WalkNamesAsync(app, "/api/v1/authorities", "sort=-name", "name", limit: 23));

        var projects = await read.Projects.Select(p => new Named(p.Id, p.Title)).ToListAsync(Ct);
        Assert.Equal(InFrench(projects), await WalkNamesAsync(app, "/api/v1/projects", "sort=title", "title", limit: 30));
        var partnerships = await read.Partnerships.Select(p => new Named(p.Id, p.Title)).ToListAsync(Ct);
        Assert.Equal(InFrench(partnerships), await WalkNamesAsync(app, "/api/v1/partnerships", "sort=title", "title", limit: 30));
        var organisations = await read.Organisations.Select(o => new Named(o.Id, o.Name)).ToListAsync(Ct);
        Assert.Equal(InFrench(organisations), await WalkNamesAsync(app, "/api/v1/organisations", "sort=name", "name", limit: 30));

        // The search page's « Titre » order, page after page.
        var titles = new List<string>();
        for (var page = 1; titles.Count < projects.Count; page++)
        {
            var doc = await app.GetDocumentAsync($"/projets?tri=titre&page={page}");
            var items = doc.QuerySelectorAll("[data-testid='result-item'] h3").Select(h => h.TextContent.Trim()).ToList();
            Assert.NotEmpty(items);
            titles.AddRange(items);
        }
        Assert.Equal(InFrench(projects), titles);
    }

    private sealed record Named(int Id, string Name);

    private static List<string> InFrench(IEnumerable<Named> rows)
    {
        var list = rows.ToList();
        Assert.True(list.Count > 30, "too few names to cross a page");
        return list.OrderBy(r => r.Name, French).ThenBy(r => r.Id).Select(r => r.Name).ToList();
    }

    private static async Task<List<string>> WalkNamesAsync(AtlasApp app, string path, string query, string field, int limit)
    {
        using var client = app.CreateApiClient();
        var (items, total) = await ApiLists.WalkAsync(client, path, query, limit);
        Assert.True(total > limit);
        return items.Select(i => i[field]!.GetValue<string>()).ToList();
    }
}
