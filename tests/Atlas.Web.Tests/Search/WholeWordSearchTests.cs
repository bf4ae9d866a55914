using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Search;

/// <summary>
/// Every word of q is a whole word or the start of one, accents and case aside, in the page, the API and the exports alike;
/// an authority's other names are searched with its name; a search that finds nothing offers the nearest names.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed partial class WholeWordSearchTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("marrak")]
    [InlineData("Métropole")]
    [InlineData("eau")]
    [InlineData("jedida")]
    [InlineData("rabat sale")]
    [InlineData("cooper")]
    [InlineData("Saint-Denis")]
    public async Task Projects_match_each_word_as_a_whole_word_or_a_prefix_as_the_base_tables_say_in_the_api_the_page_and_the_export(string q)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await ProjectFacts.FindingWordsAsync(db, q);
        Assert.NotEmpty(expected);

        var query = $"q={Uri.EscapeDataString(q)}";
        var (api, _) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", query);
        Assert.Equal(expected.Order(), api.Order());

        var page = await fixture.App.GetDocumentAsync($"/projets?{query}");
        PageAssertions.IsClean(page);
        Assert.StartsWith(expected.Count.ToString(CultureInfo.InvariantCulture) + " projet", PageAssertions.Normalize(page.Text("result-count")), StringComparison.Ordinal);

        using var client = fixture.App.CreateApiClient();
        var csv = await Api.ExportDownloads.CsvAsync(client, $"projects.csv?{query}");
        Assert.Equal(expected.Order(), csv.Column("id").Select(v => int.Parse(v!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Opole_finds_the_voivodie_of_opole_and_nothing_that_only_holds_metropole()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var opole = await db.LocalAuthorities.Where(a => a.Name == "Voïvodie d'Opole").Select(a => a.Id).SingleAsync(Ct);
        var nantes = await db.LocalAuthorities.Where(a => a.Name == "Communauté urbaine Nantes Métropole").Select(a => a.Id).SingleAsync(Ct);

        var (authorities, _) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/authorities", "q=Opole");
        Assert.Equal(await AuthoritiesNamedAsync(db, "Opole"), authorities.Order());
        Assert.Contains(opole, authorities);
        Assert.DoesNotContain(nantes, authorities);

        var metropole = await ProjectFacts.FindingWordsAsync(db, "metropole");
        Assert.NotEmpty(metropole);
        var (projects, _) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", "q=Opole");
        Assert.Equal((await ProjectFacts.FindingWordsAsync(db, "opole")).Order(), projects.Order());
        Assert.Empty(projects.Intersect(metropole));

        var page = await fixture.App.GetDocumentAsync("/projets?q=Opole");
        var shown = page.QuerySelectorAll("[data-testid='result-item']").Select(i => int.Parse(i.GetAttribute("data-project-id")!, CultureInfo.InvariantCulture));
        Assert.Empty(shown.Intersect(metropole));
    }

    [Theory]
    [InlineData("opole")]
    [InlineData("fes")]
    [InlineData("jad")]
    [InlineData("conseil régional")]
    [InlineData("urb mar")]
    public async Task Authority_partnership_and_organisation_names_match_each_word_as_a_whole_word_or_a_prefix(string q)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var query = $"q={Uri.EscapeDataString(q)}";

        var authorities = await AuthoritiesNamedAsync(db, q);
        Assert.NotEmpty(authorities);
        Assert.Equal(authorities, (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/authorities", query)).Ids.Order());

        // A partnership: each word in its title, or in the names of one of its authorities.
        var partnerships = await IdsAsync(db, q, """
            SELECT p.id AS "Value" FROM partnerships p
            WHERE p.deleted_at IS NULL AND (atlas_unaccent(p.title) ~* {0} OR EXISTS (
                SELECT FROM partnership_authorities pa JOIN local_authorities a ON a.id = pa.local_authority_id
                WHERE pa.partnership_id = p.id AND atlas_unaccent(concat_ws(' ', a.name, array_to_string(a.alternate_names, ' '))) ~* {0}))
            """);
        Assert.Equal(partnerships, (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/partnerships", query)).Ids.Order());

        var organisations = await IdsAsync(db, q, """SELECT id AS "Value" FROM organisations WHERE deleted_at IS NULL AND atlas_unaccent(name) ~* {0}""");
        Assert.Equal(organisations, (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/organisations", query)).Ids.Order());
    }

    [Fact]
    public async Task An_other_name_finds_the_authority_and_its_projects_and_the_record_shows_it()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var jadida = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-el-jadida").Select(a => new { a.Id, a.Name, a.AlternateNames }).SingleAsync(Ct);
        Assert.Equal("Commune urbaine d'El Jadida", jadida.Name);
        Assert.Equal(["Commune urbaine d'El Jedida"], jadida.AlternateNames);
        var itsProjects = await db.Database.SqlQuery<int>($"""SELECT id AS "Value" FROM projects WHERE {jadida.Id} = ANY(authority_ids) AND deleted_at IS NULL""").ToListAsync(Ct);
        Assert.NotEmpty(itsProjects);

        // El Jedida, as the répertoire also writes it, finds El Jadida's projects, where it found only those naming a committee.
        var (found, _) = await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/projects", "q=El%20Jedida");
        Assert.Superset(found.ToHashSet(), itsProjects.ToHashSet());
        Assert.Contains(jadida.Id, (await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/authorities", "q=jedida")).Ids);
        var itsPartnerships = await db.Partnerships.Where(p => p.Authorities.Any(a => a.LocalAuthorityId == jadida.Id)).Select(p => p.Id).ToListAsync(Ct);
        Assert.NotEmpty(itsPartnerships);
        Assert.Superset((await ApiLists.WalkIdsAsync(fixture.App, "/api/v1/partnerships", "q=jedida")).Ids.ToHashSet(), itsPartnerships.ToHashSet());

        using var client = fixture.App.CreateApiClient();
        var suggestions = (await client.GetFromJsonAsync<JsonArray>("/api/v1/authorities/suggestions?q=El%20Jedida", Ct))!;
        Assert.Equal(jadida.Id, suggestions[0]!["id"]!.GetValue<int>());
        var record = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/authorities/{jadida.Id}", Ct))!;
        Assert.Equal(["Commune urbaine d'El Jedida"], record["alternateNames"]!.AsArray().Select(n => n!.GetValue<string>()));

        var page = await fixture.App.GetDocumentAsync($"/collectivites/{jadida.Id}");
        Assert.Equal("Aussi appelée : Commune urbaine d'El Jedida", page.Text("authority-alternate-names"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_suggests_the_nearest_name_and_the_suggestion_finds_projects()
    {
        var page = await fixture.App.GetDocumentAsync("/projets?q=Marakech");
        PageAssertions.IsClean(page);
        Assert.Equal("0 projet", PageAssertions.Normalize(page.Text("result-count")));
        Assert.Equal("Vouliez-vous dire Marrakech ?", PageAssertions.Normalize(page.Text("correction")));
        var link = page.TestId("correction-link").GetAttribute("href")!;
        Assert.Equal("/projets?q=Marrakech", link);

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await ProjectFacts.FindingWordsAsync(db, "Marrakech");
        Assert.NotEmpty(expected);
        var corrected = await fixture.App.GetDocumentAsync(link);
        Assert.StartsWith(expected.Count.ToString(CultureInfo.InvariantCulture) + " projets", PageAssertions.Normalize(corrected.Text("result-count")), StringComparison.Ordinal);

        // The other filters are kept; a word with no near name gets no suggestion.
        var filtered = await fixture.App.GetDocumentAsync("/projets?q=Marakech&pays=MA");
        Assert.Equal("/projets?q=Marrakech&pays=MA", filtered.TestId("correction-link").GetAttribute("href"));
        var nothing = await fixture.App.GetDocumentAsync("/projets?q=zzzyyyxxx");
        Assert.Null(nothing.QuerySelector("[data-testid='correction']"));
    }

    /// <summary>The authorities whose name or other names hold every word of q as a word or the start of one.</summary>
    private static Task<List<int>> AuthoritiesNamedAsync(Atlas.Core.Data.AtlasDbContext db, string q) => IdsAsync(db, q, """
        SELECT id AS "Value" FROM local_authorities
        WHERE deleted_at IS NULL AND atlas_unaccent(concat_ws(' ', name, array_to_string(alternate_names, ' '))) ~* {0}
        """);

    /// <summary>The ids <paramref name="sql"/> finds for every word of q ({0}: the word's pattern), in order.</summary>
    private static async Task<List<int>> IdsAsync(Atlas.Core.Data.AtlasDbContext db, string q, string sql)
    {
        HashSet<int>? found = null;
        foreach (var word in Word().Split(q).Where(w => w.Length > 0))
        {
            var ids = await db.Database.SqlQueryRaw<int>(sql, $@"\m{ApiLists.Fold(word)}").ToListAsync(Ct);
            found = found is null ? ids.ToHashSet() : found.Intersect(ids).ToHashSet();
        }
        return [.. (found ?? []).Order()];
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Word();
}
