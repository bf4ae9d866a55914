using Atlas.Core.Accounts;
using Atlas.Core.Editing;
using Atlas.Web.Pages.Shared;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>The partnership edit page: authorities attached by searching their names, French errors beside fields, antiforgery, scope.</summary>
public sealed class PartnershipEditPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Authorities = "Values.AuthorityIds";

    [Fact]
    public async Task A_Rabat_correspondent_attaches_Oujda_found_by_name_and_sees_it_on_the_partnership_page()
    {
        var id = await PartnershipIdAsync("woippy--sale");
        var woippy = await fixture.AuthorityIdAsync("fr-commune-woippy");
        var oujda = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);

        var detail = await browser.GetAsync($"/partenariats/{id}");
        Assert.Contains("Woippy", detail.TestIdOrNull("partnership-french")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(detail.TestIdOrNull("field-source"));
        Assert.NotEmpty(detail.Document.QuerySelectorAll("[data-testid='project-item']"));
        var form = await browser.GetAsync(detail.TestIdOrNull("edit-link")!.GetAttribute("href")!);
        var fields = BrowserSession.FormValues(form.Form("[data-testid='partnership-edit-form']"));
        var before = await TitleAsync(id);

        // Searching saves nothing, keeps what was typed and offers the authorities found, unticked.
        Set(fields, "Values.Title", "Titre en cours de saisie");
        Set(fields, "Recherche." + Authorities, "oujda");
        var found = await browser.PostAsync($"/partenariats/{id}/modifier", fields, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal("Titre en cours de saisie", found.Document.QuerySelector("#f-Values-Title")!.GetAttribute("value"));
        var candidate = found.TestIdOrNull("picker-results-" + Authorities)!.QuerySelector($"input[name='{Authorities}'][value='{oujda}']");
        Assert.NotNull(candidate);
        Assert.False(candidate.HasAttribute("checked"));
        Assert.Equal(before, await TitleAsync(id));

        // A rejected form: each error in French beside its field, everything typed kept.
        fields = BrowserSession.FormValues(found.Form("[data-testid='partnership-edit-form']"));
        Set(fields, "Values.Title", " ");
        fields.RemoveAll(f => f.Key == Authorities);
        fields.Add(new(Authorities, woippy.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Set(fields, "Values.SignedYear", "2010");
        Set(fields, "Values.SignedOn", "2011-04-02");
        var rejected = await browser.PostAsync($"/partenariats/{id}/modifier", fields, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Equal("Indiquez le titre du partenariat.", rejected.TestIdOrNull("field-error-Values.Title")!.TextContent.Trim());
        Assert.Contains("collectivité étrangère", rejected.TestIdOrNull("field-error-" + Authorities)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("l'année indiquée", rejected.TestIdOrNull("field-error-Values.SignedOn")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2011-04-02", rejected.Document.QuerySelector("#f-Values-SignedOn")!.GetAttribute("value"));
        Assert.NotNull(rejected.TestIdOrNull("form-error"));
        Assert.Equal(before, await TitleAsync(id));

        // Without the antiforgery token, nothing is saved.
        fields = BrowserSession.FormValues(form.Form("[data-testid='partnership-edit-form']"));
        fields.Add(new(Authorities, oujda.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Set(fields, "Values.Title", "Sans jeton");
        var forged = fields.Where(f => f.Key != BrowserSession.AntiforgeryField).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/partenariats/{id}/modifier", forged, followRedirects: false)).Status);
        Assert.Equal(before, await TitleAsync(id));

        Set(fields, "Values.Title", "Woippy – Salé – Oujda");
        var saved = await browser.PostAsync($"/partenariats/{id}/modifier", fields);
        Assert.Equal($"/partenariats/{id}", saved.Path);
        Assert.NotNull(saved.TestIdOrNull("notice"));
        Assert.Equal("Woippy – Salé – Oujda", saved.TestIdOrNull("partnership-title")!.TextContent);
        Assert.Contains("Oujda", saved.TestIdOrNull("partnership-foreign")!.TextContent, StringComparison.Ordinal);

        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-beyrouth");
        using var other = fixture.Browser();
        await AccountsAppFixture.SignInAsync(other, beirut);
        Assert.Null((await other.GetAsync($"/partenariats/{id}")).TestIdOrNull("edit-link"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/partenariats/{id}/modifier")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/partenariats/999999/modifier")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/partenariats/999999")).Status);
    }

    [Fact]
    public async Task A_second_save_of_one_version_is_shown_the_authority_someone_added_and_keeps_what_was_typed()
    {
        var id = await PartnershipIdAsync("aix-en-provence--oujda");
        var meknes = await fixture.AuthorityIdAsync("ma-commune-meknes");
        using var first = fixture.Browser();
        await AccountsAppFixture.SignInAsync(first, await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat"));
        using var second = fixture.Browser();
        await AccountsAppFixture.SignInAsync(second, await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null));
        var firstForm = BrowserSession.FormValues((await first.GetAsync($"/partenariats/{id}/modifier")).Form("[data-testid='partnership-edit-form']"));
        var secondForm = BrowserSession.FormValues((await second.GetAsync($"/partenariats/{id}/modifier")).Form("[data-testid='partnership-edit-form']"));

        firstForm.Add(new(Authorities, meknes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal($"/partenariats/{id}", (await first.PostAsync($"/partenariats/{id}/modifier", firstForm)).Path);

        Set(secondForm, "Values.Domains", "Mobilité urbaine");
        var refused = await second.PostAsync($"/partenariats/{id}/modifier", secondForm, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var conflict = refused.TestIdOrNull("edit-conflict")!.TextContent;
        Assert.Contains("Collectivité ajoutée", conflict, StringComparison.Ordinal);
        Assert.Contains("Meknès", conflict, StringComparison.Ordinal);
        Assert.Equal("Mobilité urbaine", refused.Document.QuerySelector("#f-Values-Domains")!.GetAttribute("value"));

        // The authority added meanwhile is offered unticked: saved again with it ticked, both changes stay.
        var offered = refused.TestIdOrNull("picker-results-" + Authorities)!.QuerySelector($"input[name='{Authorities}'][value='{meknes}']");
        Assert.False(offered!.HasAttribute("checked"));
        var again = BrowserSession.FormValues(refused.Form("[data-testid='partnership-edit-form']"));
        again.Add(new(Authorities, meknes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal($"/partenariats/{id}", (await second.PostAsync($"/partenariats/{id}/modifier", again)).Path);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal("Mobilité urbaine", await db.Partnerships.Where(p => p.Id == id).Select(p => p.Domains).SingleAsync(Ct));
        Assert.True(await db.PartnershipAuthorities.AnyAsync(pa => pa.PartnershipId == id && pa.LocalAuthorityId == meknes, Ct));
    }

    [Theory]
    [InlineData(PickerList.Authorities, "fes", "Fès")]
    [InlineData(PickerList.Organisations, "amal dades", "Amal Dadès")]
    public async Task The_picker_search_finds_existing_records_by_part_of_their_name_accents_ignored(PickerList list, string typed, string expected)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var found = await RecordPicker.FindAsync(scope.ServiceProvider.GetRequiredService<PickableRecords>(), list, typed, Ct);
        Assert.Null(found.Error);
        Assert.InRange(found.Candidates.Count, 1, RecordPicker.MaxCandidates);
        Assert.Contains(found.Candidates, c => c.Label.Contains(expected, StringComparison.Ordinal));

        var tooLong = await RecordPicker.FindAsync(scope.ServiceProvider.GetRequiredService<PickableRecords>(), list, new string('a', 201), Ct);
        Assert.Empty(tooLong.Candidates);
        Assert.Contains("200 caractères", tooLong.Error, StringComparison.Ordinal);
    }

    private async Task<int> PartnershipIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<string> TitleAsync(int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);
    }

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }
}
