using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        Assert.NotNull(detail.TestIdOrNull("partnership-updated"));
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
