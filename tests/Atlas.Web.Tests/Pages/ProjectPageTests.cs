using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Pages;

[Collection(DemoAppCollection.Name)]
public sealed class ProjectPageTests(DemoAppFixture fixture)
{
    private async Task<int> IdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_marseille_tyr_record_shows_every_fact_of_the_atlas_record()
    {
        var page = await fixture.App.GetDocumentAsync($"/projets/{await IdAsync("provence-alpes-cote-d-azur--tyr--digitalcoop")}");
        PageAssertions.IsClean(page);

        var post = page.Text("post-contacts");
        foreach (var fact in new[] { "Ambassade de France à Beyrouth", "Martine HERLEM-HAMIDI", "martine.herlem [at] diplomatie.gouv.fr", "Denis GAILLARD", "denis.gaillard [at] diplomatie.gouv.fr", "Correspondant coopération décentralisée", "Conseiller de coopération et d'action culturelle" })
            Assert.Contains(fact, post, StringComparison.Ordinal);

        Assert.Equal("DIGITALCOOP Culture en Méditerranée", page.Text("project-title"));
        Assert.Contains("2012", page.Text("field-first-signature-year"), StringComparison.Ordinal);
        Assert.Contains("Culture et patrimoine", page.Text("field-main-theme"), StringComparison.Ordinal);
        Assert.Contains("Lieux, équipements et événements culturels", page.Text("field-main-theme"), StringComparison.Ordinal);
        // The atlas record's own label, kept beside the node of the one tree it maps onto.
        Assert.Contains("« Culture et Patrimoine › Infrastructures, équipements et manifestations culturelles »", page.Text("theme-origin"), StringComparison.Ordinal);
        Assert.Contains("2012", page.Text("field-start-year"), StringComparison.Ordinal);
        Assert.Contains("Terminé", page.Text("field-status"), StringComparison.Ordinal);
        Assert.Contains("31 décembre 2015", page.Text("field-end-date"), StringComparison.Ordinal);
        // Dates are labelled one way: « Début », « Fin ».
        Assert.Equal("Début", page.QuerySelector("[data-testid='field-start-year'] dt")!.TextContent);
        Assert.Equal("Fin", page.QuerySelector("[data-testid='field-end-date'] dt")!.TextContent);
        foreach (var field in new[] { "field-context", "field-history", "field-objectives", "field-description" })
            Assert.True(page.Text(field).Length > 40, field);
        Assert.Contains("ZINC", page.Text("field-history"), StringComparison.Ordinal);
        Assert.Contains("Projet de coopération décentralisée", page.Text("field-form"), StringComparison.Ordinal);
        // Participants: each once, French and foreign the same way, with all their roles.
        var participants = page.QuerySelectorAll("[data-testid='participant']")
            .ToDictionary(r => PageAssertions.Normalize(r.QuerySelector("th")!.TextContent), r => PageAssertions.Normalize(r.TextContent));
        foreach (var name in new[] { "Union des municipalités de Jezzine", "Gouvernorat d'Alexandrie", "Gouvernorat de Tunis" })
            Assert.Contains("Maître d'œuvre", participants[name], StringComparison.Ordinal);
        Assert.Contains("Maître d'ouvrage", participants["Ville de Marseille"], StringComparison.Ordinal);
        Assert.Contains("Autre partenaire", participants["Ville de Marseille"], StringComparison.Ordinal);
        Assert.Contains("France", participants["Ville de Marseille"], StringComparison.Ordinal);
        Assert.Contains(participants, p => p.Key.Contains("Provence", StringComparison.Ordinal) && p.Value.Contains("Maître d'ouvrage", StringComparison.Ordinal)
            && p.Value.Contains("Collectivité partenaire", StringComparison.Ordinal));
        Assert.Contains("Liban", participants["Union des municipalités de Tyr"], StringComparison.Ordinal);
        Assert.Contains("Collectivité partenaire", participants["Union des municipalités de Tyr"], StringComparison.Ordinal);
        Assert.Contains("Autre partenaire", participants["Union des municipalités de Jezzine"], StringComparison.Ordinal);
        Assert.Contains("préciser", page.Text("field-beneficiaries"), StringComparison.Ordinal);
        // The record says it is not triennial: the page says nothing of it rather than a negative sentence.
        Assert.Null(page.QuerySelector("[data-testid='field-triennial']"));
        Assert.DoesNotContain("n'est pas", page.Body!.TextContent, StringComparison.Ordinal);

        var rows = page.QuerySelectorAll("[data-testid='funding-row']").Select(r => PageAssertions.Normalize(r.TextContent)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Ministère de l'Europe et des Affaires étrangères", StringComparison.Ordinal) && r.Contains("123 500 €", StringComparison.Ordinal) && r.Contains("2012", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Provence", StringComparison.Ordinal) && r.Contains("0 €", StringComparison.Ordinal));

        Assert.Contains("France", page.Text("field-communication-france"), StringComparison.Ordinal);
        Assert.DoesNotContain("Aucune", page.Text("field-communication-france"), StringComparison.Ordinal);
        Assert.DoesNotContain("Aucune", page.Text("field-communication-partner"), StringComparison.Ordinal);
        Assert.DoesNotContain("Aucune", page.Text("field-evaluation"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid='field-volunteers']"));
        Assert.Null(page.QuerySelector("[data-testid='field-other-themes']"));
    }

    [Fact]
    public async Task A_record_without_funding_prints_no_funding_table()
    {
        var page = await fixture.App.GetDocumentAsync($"/projets/{await IdAsync("woippy--sale--developpement-social-quartiers")}");
        PageAssertions.IsClean(page);
        Assert.Null(page.QuerySelector("[data-testid='field-fundings']"));
        Assert.Null(page.QuerySelector("[data-testid='field-end-date']"));
        Assert.Contains("Ambassade de France à Rabat", page.Text("post-contacts"), StringComparison.Ordinal);
        // No evaluation policy: no sentence saying so.
        Assert.Null(page.QuerySelector("[data-testid='field-evaluation']"));
        Assert.DoesNotContain("Aucune", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("zahrourm [at] yahoo.fr", page.Text("field-partner-contacts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dirham_amounts_are_printed_in_dirhams()
    {
        var page = await fixture.App.GetDocumentAsync($"/projets/{await IdAsync("aix-en-provence--oujda--pdu")}");
        PageAssertions.IsClean(page);
        var fundings = page.Text("field-fundings");
        Assert.Contains("994 690", fundings, StringComparison.Ordinal);
        Assert.Contains("MAD", fundings, StringComparison.Ordinal);
        Assert.DoesNotContain("€", fundings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projets/999999")]
    [InlineData("/pays/ZZ")]
    [InlineData("/collectivites/999999")]
    [InlineData("/nulle-part")]
    public async Task Unknown_records_get_the_french_404_page(string url)
    {
        var page = await fixture.App.GetDocumentAsync(url, HttpStatusCode.NotFound);
        Assert.Contains("introuvable", page.Text("not-found"), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }
}
