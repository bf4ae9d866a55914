using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Infrastructure;
using Atlas.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Data;

/// <summary>
/// The records the source review found wrong or missing (issue 13), as the API and the pages give them: each fact is read
/// from the record's public answer, and the record is found by its key in the base tables.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class SourceReviewTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string AtlasSource = "Atlas français de la coopération décentralisée (fiche projet)";

    [Fact]
    public async Task The_Woippy_Sale_project_names_the_ministry_atlas_as_its_source()
    {
        var id = await ProjectIdAsync("woippy--sale--developpement-social-quartiers");
        var project = await GetAsync($"/api/v1/projects/{id}");
        Assert.Equal(AtlasSource, project["source"]!.GetValue<string>());

        var page = await fixture.App.GetDocumentAsync($"/projets/{id}");
        Assert.Equal($"Source : {AtlasSource}", page.Text("field-source"));
    }

    [Fact]
    public async Task The_Woippy_Sale_partnership_has_the_convention_of_January_2005_as_its_legal_frame()
    {
        var partnership = await GetAsync($"/api/v1/partnerships/{await PartnershipIdAsync("woippy--sale")}");
        Assert.StartsWith("Convention", partnership["legalFrame"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2005-01-14", partnership["signedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dijon_Rabat_is_loaded_as_a_planned_partnership_of_the_2008_repertoire()
    {
        var id = await PartnershipIdAsync("dijon--rabat");
        var partnership = await GetAsync($"/api/v1/partnerships/{id}");
        Assert.Equal("planned", partnership["status"]!.GetValue<string>());
        Assert.StartsWith("Répertoire CUF/PAD Maroc, juillet 2008", partnership["source"]!.GetValue<string>(), StringComparison.Ordinal);

        var page = await fixture.App.GetDocumentAsync($"/partenariats/{id}");
        Assert.Contains("En projet", page.Text("partnership-status"), StringComparison.Ordinal);
        Assert.Contains("Ville de Dijon", page.Text("partnership-french"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partnership_the_repertoire_says_is_suspended_is_suspended()
    {
        var id = await PartnershipIdAsync("midi-pyrenees--marrakech-tensift-al-haouz");
        Assert.Equal("suspended", (await GetAsync($"/api/v1/partnerships/{id}"))["status"]!.GetValue<string>());
        var page = await fixture.App.GetDocumentAsync($"/partenariats/{id}");
        Assert.Contains("Suspendu", page.Text("partnership-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("non renseigné", page.Text("partnership-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_i_jumelage_action_has_no_partnership_and_shows_its_organisations_and_countries()
    {
        var id = await ProjectIdAsync("action--i-jumelage");
        var project = await GetAsync($"/api/v1/projects/{id}");
        Assert.Null(project["partnership"]);
        Assert.Equal("completed", project["status"]!.GetValue<string>());
        Assert.Equal(2003, project["startYear"]!.GetValue<int>());
        Assert.Equal(2006, project["endYear"]!.GetValue<int>());

        // Its partner countries are those of the associations abroad that run it, by the base tables.
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var expected = await db.ProjectParticipants.Where(pp => pp.ProjectId == id && pp.Organisation != null && pp.Organisation.CountryCode != "FR")
            .Select(pp => pp.Organisation!.CountryCode!).Distinct().OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal(["AR", "DO", "GB"], expected);
        Assert.Equal(expected, project["countries"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var page = await fixture.App.GetDocumentAsync($"/projets/{id}");
        PageAssertions.IsClean(page);
        // The associations that run it are its participants, each named once with its role.
        var implementers = page.QuerySelectorAll("[data-testid='participant']")
            .Where(row => row.QuerySelector("[data-testid='participant-roles']")!.TextContent.Contains(Atlas.Core.Labels.Role(ParticipantRole.Implementer), StringComparison.Ordinal))
            .Select(row => row.TextContent).ToList();
        foreach (var name in new[] { "VECAM", "Communities Online", "LINKS", "Funredes" })
            Assert.Single(implementers, row => row.Contains(name, StringComparison.Ordinal));
        foreach (var country in new[] { "Argentine", "Royaume-Uni", "République dominicaine" })
            Assert.Contains(country, page.Text("field-countries"), StringComparison.Ordinal);
        Assert.Contains("Ville de Brest", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ville de Brest", page.Text("field-source"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jumelage")]
    [InlineData("Funredes")]
    public async Task Search_finds_the_i_jumelage_action_by_a_word_of_its_own(string q)
    {
        var id = await ProjectIdAsync("action--i-jumelage");
        var api = await GetAsync($"/api/v1/projects?q={Uri.EscapeDataString(q)}&limit=100");
        Assert.Contains(api["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);

        var page = await fixture.App.GetDocumentAsync($"/projets?q={Uri.EscapeDataString(q)}");
        Assert.Contains(page.QuerySelectorAll("[data-testid='result-item']"), e => e.GetAttribute("data-project-id") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_i_jumelage_action_is_in_the_CSV_and_JSON_Lines_exports()
    {
        var id = await ProjectIdAsync("action--i-jumelage");
        using var client = fixture.App.CreateApiClient();
        var csv = await client.GetStringAsync("/api/v1/exports/projects.csv?q=jumelage", Ct);
        Assert.Contains($"\n{id},", csv, StringComparison.Ordinal);
        var lines = (await client.GetStringAsync("/api/v1/exports/projects.jsonl?q=jumelage", Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var line = Assert.Single(lines, l => l["id"]!.GetValue<int>() == id);
        Assert.Null(line["partnership_id"]);
    }

    [Fact]
    public async Task Medias_Cite_is_an_association_with_its_record()
    {
        var list = await GetAsync("/api/v1/organisations?q=medias");
        var item = Assert.Single(list["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "Médias-Cité")!;
        Assert.Equal("association", item["kind"]!.GetValue<string>());
        var record = await GetAsync($"/api/v1/organisations/{item["id"]!.GetValue<int>()}");
        Assert.Equal("Médias-Cité", record["name"]!.GetValue<string>());
        Assert.Equal("FR", record["country"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_never_edited_shows_its_source_but_no_update_date()
    {
        var id = await ProjectIdAsync("provence-alpes-cote-d-azur--tyr--digitalcoop");
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            Assert.False(await db.ChangeRecords.AnyAsync(r => r.ProjectId == id, Ct));
        var page = await fixture.App.GetDocumentAsync($"/projets/{id}");
        Assert.Equal($"Source : {AtlasSource}", page.Text("field-source"));
        Assert.Null(page.QuerySelector("[data-testid='field-updated']"));
        Assert.DoesNotContain("Mis à jour", page.Body!.TextContent, StringComparison.Ordinal);

        var partnership = await fixture.App.GetDocumentAsync($"/partenariats/{await PartnershipIdAsync("woippy--sale")}");
        Assert.StartsWith("Source : Répertoire CUF/PAD Maroc, juillet 2008", partnership.Text("field-source"), StringComparison.Ordinal);
        Assert.DoesNotContain("Mis à jour", partnership.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<JsonObject> GetAsync(string url)
    {
        using var client = fixture.App.CreateApiClient();
        return (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
    }

    private async Task<int> ProjectIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<int> PartnershipIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }
}
