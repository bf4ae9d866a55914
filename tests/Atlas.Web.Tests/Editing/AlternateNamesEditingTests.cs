using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Core.Authorities;
using Atlas.Core.Editing;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>An authority's other names, edited by Core's rules: saved trimmed, in the history, searched, refused in French when wrong.</summary>
public sealed class AlternateNamesEditingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Other_names_are_saved_trimmed_recorded_in_the_history_and_found_by_both_searches()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.Sale);
        var before = values.AlternateNames!.Select(n => n!).ToList();
        values.AlternateNames = [.. before, "  Zarbalonia-la-Neuve ", "Slaoua"];
        Assert.IsType<EditResult.Saved>(await SaveAsync(h, h.RabatCorrespondent, h.Sale, version, values));

        await using (var db = TestDatabase.CreateContext(h.ConnectionString))
        {
            var stored = await db.LocalAuthorities.Where(a => a.Id == h.Sale).Select(a => a.AlternateNames).SingleAsync(Ct);
            Assert.Equal([.. before, "Zarbalonia-la-Neuve", "Slaoua"], stored);
        }
        var history = await h.WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>()
            .OfRecordAsync(RecordedTypes.NameOf<LocalAuthority>(), h.Sale.ToString(CultureInfo.InvariantCulture), Ct));
        var change = Assert.Single(Assert.Single(history).Changes, c => c.Field == "alternateNames");
        Assert.Equal(before.Count == 0 ? null : string.Join(" | ", before), change.Old);
        Assert.Equal(string.Join(" | ", [.. before, "Zarbalonia-la-Neuve", "Slaoua"]), change.New);

        // The authority list (directory, API) and the projects' search, which reads its participants' names.
        var found = await h.WithAsync(async sp =>
        {
            await using var db = TestDatabase.CreateContext(h.ConnectionString);
            return await AuthorityList.Filtered(db, new AuthorityFilter { Query = "zarbalonia" }).Select(a => a.Id).ToListAsync(Ct);
        });
        Assert.Equal([h.Sale], found);
        var projects = await h.WithAsync(async sp =>
        {
            var reference = await sp.GetRequiredService<ReferenceCatalog>().GetAsync(Ct);
            var result = await sp.GetRequiredService<ProjectSearch>().SearchAsync(
                new ProjectFilter { Query = "Zarbalonia" }, ProjectSort.Relevance, new ProjectPage(100), withFacets: false, reference, Ct);
            return result.Items.Select(p => p.Id).ToList();
        });
        Assert.Contains(h.WoippySaleProject, projects);
    }

    [Fact]
    public async Task Blank_long_multiline_piped_repeated_or_same_as_the_name_other_names_are_refused_each_in_french()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await LoadAsync(h, h.Woippy);
        values.AlternateNames =
        [
            " ",                                   // 0: blank
            new string('x', AuthorityValidator.MaxNameLength + 1), // 1: too long
            "Woippy\tNord",                        // 2: a control character
            "Woippy | Metz",                       // 3: the exports' separator
            values.Name!.ToUpperInvariant(),       // 4: the name itself, case aside
            "Wöippy-Ville",                        // 5 and 6: one name twice, accents and punctuation aside
            "woippy ville",
        ];
        var invalid = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.Woippy, version, values));
        Assert.Equal("alternate_name_required", Assert.Single(invalid.Errors["AlternateNames[0]"]).Code);
        Assert.Equal("too_long", Assert.Single(invalid.Errors["AlternateNames[1]"]).Code);
        Assert.Equal("alternate_name_control_character", Assert.Single(invalid.Errors["AlternateNames[2]"]).Code);
        Assert.Equal("alternate_name_separator", Assert.Single(invalid.Errors["AlternateNames[3]"]).Code);
        Assert.Equal("alternate_name_is_name", Assert.Single(invalid.Errors["AlternateNames[4]"]).Code);
        Assert.Equal("duplicate_alternate_name", Assert.Single(invalid.Errors["AlternateNames[5]"]).Code);
        Assert.Equal("duplicate_alternate_name", Assert.Single(invalid.Errors["AlternateNames[6]"]).Code);
        Assert.Equal(7, invalid.Errors.Count);
        Assert.All(invalid.Errors.Values.SelectMany(e => e), e => Assert.NotEqual(e.Code, e.Message));

        values.AlternateNames = [.. Enumerable.Range(1, AuthorityValidator.MaxAlternateNames + 1).Select(i => $"Nom {i}")];
        var tooMany = Assert.IsType<EditResult.Invalid>(await SaveAsync(h, h.Administrator, h.Woippy, version, values));
        Assert.Equal("too_many_alternate_names", Assert.Single(tooMany.Errors["AlternateNames"]).Code);

        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        Assert.Equal(version, await db.LocalAuthorities.Where(a => a.Id == h.Woippy).Select(a => a.Version).SingleAsync(Ct));
    }

    private static async Task<(AuthorityValues Values, uint Version)> LoadAsync(EditingHarness h, int id)
    {
        await using var db = TestDatabase.CreateContext(h.ConnectionString);
        var authority = await db.LocalAuthorities.AsNoTracking().Include(a => a.Contacts).SingleAsync(a => a.Id == id, Ct);
        return (AuthorityValues.Of(authority), authority.Version);
    }

    private static Task<EditResult> SaveAsync(EditingHarness h, Editor editor, int id, uint version, AuthorityValues values) =>
        h.WithAsync(sp => sp.GetRequiredService<AuthorityEditing>().SaveAsync(editor, id, version, values, Ct));
}

/// <summary>The other names through the edit and creation forms, the API's writes and the authorities' exports.</summary>
public sealed class AlternateNamesWebTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_edit_form_takes_one_name_a_line_tells_a_repeated_one_beside_the_field_and_the_page_shows_them()
    {
        var id = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);

        var form = await browser.GetAsync($"/collectivites/{id}/modifier");
        var fields = BrowserSession.FormValues(form.Form("[data-testid='authority-edit-form']"));
        Assert.Contains(fields, f => f.Key == "AlternateNames");
        fields.RemoveAll(f => f.Key == "AlternateNames");
        fields.Add(new("AlternateNames", "Wajda\r\n\r\nOujda-Angad\r\nWAJDA"));
        var rejected = await browser.PostAsync($"/collectivites/{id}/modifier", fields, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Contains("plusieurs fois", rejected.TestIdOrNull("field-error-AlternateNames")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Wajda\n\nOujda-Angad\nWAJDA", rejected.Document.QuerySelector("#f-AlternateNames")!.TextContent.ReplaceLineEndings("\n").Trim('\n'));

        fields.RemoveAll(f => f.Key == "AlternateNames");
        fields.Add(new("AlternateNames", "Wajda\r\nOujda-Angad\r\n"));
        var saved = await browser.PostAsync($"/collectivites/{id}/modifier", fields);
        Assert.Equal($"/collectivites/{id}", saved.Path);
        Assert.Equal("Aussi appelée : Wajda ; Oujda-Angad", saved.TestIdOrNull("authority-alternate-names")!.TextContent.Trim());
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(["Wajda", "Oujda-Angad"], await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.AlternateNames).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_creation_form_saves_the_other_names_of_a_new_authority()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);
        var form = await browser.GetAsync("/collectivites/nouvelle?pays=MA");
        var created = await browser.SubmitAsync(form, form: "[data-testid='authority-new-form']", fields: new Dictionary<string, string?>
        {
            ["Authority.Values.Name"] = "Commune rurale de Tamesna",
            ["Authority.Values.Kind"] = "commune-rurale",
            ["AlternateNames"] = "Tamesna\nTamasna",
        });
        Assert.StartsWith("/collectivites/", created.Path, StringComparison.Ordinal);
        var id = int.Parse(created.Path["/collectivites/".Length..], CultureInfo.InvariantCulture);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(["Tamesna", "Tamasna"], await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.AlternateNames).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_api_puts_patches_and_creates_other_names_and_answers_a_repeated_one_with_a_problem_naming_it()
    {
        using var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await fixture.AuthorityIdAsync("ma-commune-sale");
        var editable = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/authorities/{id}/editable", Ct))!;
        var record = editable["record"]!.AsObject();
        Assert.NotNull(record["alternateNames"]);
        record["alternateNames"] = new JsonArray("Sla", "sla");
        using (var refused = await SendAsync(client, HttpMethod.Put, id, JsonContent.Create(record), editable["version"]!.GetValue<uint>()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
            Assert.Contains(errors, e => e.Key.StartsWith("alternateNames[", StringComparison.Ordinal));
        }

        record["alternateNames"] = new JsonArray("Sla");
        uint version;
        using (var put = await SendAsync(client, HttpMethod.Put, id, JsonContent.Create(record), editable["version"]!.GetValue<uint>()))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var body = (await put.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            Assert.Equal(["Sla"], body["record"]!["alternateNames"]!.AsArray().Select(n => n!.GetValue<string>()));
            version = body["version"]!.GetValue<uint>();
        }
        using (var patch = await SendAsync(client, HttpMethod.Patch, id,
            new StringContent("""{"alternateNames":["Sla","Salé-Médina"]}""", Encoding.UTF8, "application/merge-patch+json"), version))
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var read = (await fixture.App.CreateApiClient().GetFromJsonAsync<JsonObject>($"/api/v1/authorities/{id}", Ct))!;
        Assert.Equal(["Sla", "Salé-Médina"], read["alternateNames"]!.AsArray().Select(n => n!.GetValue<string>()));

        using var created = await client.PostAsJsonAsync("/api/v1/authorities",
            new { country = "MA", name = "Commune rurale d'Oulad Yaïch", kind = "commune-rurale", alternateNames = new[] { "Ouled Yaich" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(["Ouled Yaich"], await db.LocalAuthorities.Where(a => a.Id == newId).Select(a => a.AlternateNames).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_authority_exports_carry_the_other_names_the_table_holds()
    {
        var client = fixture.App.CreateApiClient();
        Dictionary<string, string[]> expected;
        await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            expected = await db.LocalAuthorities.ToDictionaryAsync(a => a.Id.ToString(CultureInfo.InvariantCulture), a => a.AlternateNames, Ct);
        Assert.Contains(expected.Values, names => names.Length > 0); // the demo's El Jadida, at least

        var csv = await ExportDownloads.CsvAsync(client, "authorities.csv");
        var jsonLines = await ExportDownloads.JsonLinesAsync(client, "authorities", "authorities.jsonl");
        foreach (var table in new[] { csv, jsonLines })
        {
            var exported = table.Records.ToDictionary(r => r["id"]!, r => r["alternate_names"] ?? "");
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), exported.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, e => Assert.Equal(string.Join(" | ", e.Value), exported[e.Key]));
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, int id, HttpContent content, uint version)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/authorities/{id}") { Content = content };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return client.SendAsync(request, Ct);
    }
}
