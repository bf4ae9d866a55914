using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>The post page and its edit form, and the contacts of the authority form: French errors beside each field, input kept, e-mails protected.</summary>
public sealed class PostEditPageTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_country_page_links_to_its_post_page_which_offers_Modifier_to_its_correspondent_only()
    {
        var id = await fixture.PostIdAsync("ambassade-beyrouth");
        using var visitor = fixture.Browser();
        var country = await visitor.GetAsync("/pays/LB");
        Assert.Equal($"/postes/{id}", country.TestId("post-link").GetAttribute("href"));
        var post = await visitor.GetAsync($"/postes/{id}");
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal("Ambassade de France à Beyrouth", post.Text("post-name"));
        Assert.Contains("Liban", post.Text("post-countries"), StringComparison.Ordinal);
        Assert.Contains("martine.herlem [at] diplomatie.gouv.fr", post.Document.QuerySelector("[data-testid='post-contact']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("martine.herlem@diplomatie.gouv.fr", post.Document.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.StartsWith("Mis à jour le", post.Text("field-updated"), StringComparison.Ordinal);
        Assert.Null(post.TestIdOrNull("edit-link"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/postes/999999")).Status);

        var beirut = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-beyrouth");
        using var own = fixture.Browser();
        await AccountsAppFixture.SignInAsync(own, beirut);
        Assert.Equal($"/postes/{id}/modifier", (await own.GetAsync($"/postes/{id}")).TestId("edit-link").GetAttribute("href"));

        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, postKey: "ambassade-rabat");
        using var other = fixture.Browser();
        await AccountsAppFixture.SignInAsync(other, rabat);
        Assert.Null((await other.GetAsync($"/postes/{id}")).TestIdOrNull("edit-link"));
        var refused = await other.GetAsync($"/postes/{id}/modifier");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Null(refused.TestIdOrNull("post-edit-form"));
    }

    [Fact]
    public async Task A_correspondent_edits_contacts_errors_are_shown_beside_each_line_and_the_input_is_kept()
    {
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var detail = await browser.GetAsync($"/postes/{id}");
            var form = await browser.GetAsync(detail.TestId("edit-link").GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, form.Status);
            // A correspondent cannot change the countries that define their scope: no such field.
            Assert.Null(form.Document.QuerySelector("[name='Countries']"));
            Assert.Contains("Maroc (MA)", form.Text("post-countries"), StringComparison.Ordinal);
            Assert.Equal("BOUIN", form.Value("Contacts[0].LastName"));

            var rejected = await browser.SubmitAsync(form, new()
            {
                ["Values.Name"] = "", ["Contacts[1].Email"] = "cocac[at]diplomatie.gouv.fr",
                ["Contacts[2].Phone"] = "+212 5 37 00 00 00", ["Contacts[3].LastName"] = "NOUVEAU", ["Contacts[3].Phone"] = "pas de téléphone",
            });
            Assert.Equal(HttpStatusCode.OK, rejected.Status);
            Assert.Equal("Indiquez le nom du poste diplomatique.", rejected.FieldError("Values.Name"));
            Assert.Equal("Indiquez une adresse électronique complète, par exemple prenom.nom@exemple.fr.", rejected.FieldError("Contacts[1].Email"));
            Assert.Equal("Indiquez au moins le nom, le prénom ou la fonction du contact.", rejected.FieldError("Contacts[2].LastName"));
            Assert.StartsWith("Le téléphone ne contient que des chiffres", rejected.FieldError("Contacts[3].Phone"), StringComparison.Ordinal);
            Assert.Equal("cocac[at]diplomatie.gouv.fr", rejected.Value("Contacts[1].Email"));
            Assert.Equal("NOUVEAU", rejected.Value("Contacts[3].LastName"));
            Assert.NotNull(rejected.TestIdOrNull("form-error"));

            var saved = await browser.SubmitAsync(rejected, new()
            {
                ["Values.Name"] = "Ambassade de France au Maroc", ["Contacts[1].Email"] = "cocac.rabat@diplomatie.gouv.fr",
                ["Contacts[2].Phone"] = "", ["Contacts[3].Phone"] = "+212 5 37 68 97 00", ["Contacts[0].Remove"] = "true",
            });
            Assert.Equal($"/postes/{id}", saved.Path);
            Assert.Equal("Vos modifications ont été enregistrées.", saved.Text("notice"));
            Assert.Equal("Ambassade de France au Maroc", saved.Text("post-name"));
            var contacts = saved.Document.QuerySelectorAll("[data-testid='post-contact']").Select(c => c.TextContent).ToList();
            Assert.Equal(2, contacts.Count);
            Assert.Contains("cocac.rabat [at] diplomatie.gouv.fr", contacts[0], StringComparison.Ordinal);
            Assert.Contains("NOUVEAU", contacts[1], StringComparison.Ordinal);
            Assert.DoesNotContain(contacts, c => c.Contains("BOUIN", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_save_from_a_form_someone_else_saved_since_names_the_contact_they_changed_and_keeps_the_input()
    {
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var (admin, _) = await fixture.SignedInAsync(EditorRole.Administrator);
        var (correspondent, _) = await fixture.SignedInAsync();
        using (admin)
        using (correspondent)
        {
            var first = await admin.GetAsync($"/postes/{id}/modifier");
            var second = await correspondent.GetAsync($"/postes/{id}/modifier");
            var saved = await admin.SubmitAsync(first, new() { ["Contacts[0].Email"] = "conflit.rabat@diplomatie.gouv.fr" });
            Assert.Equal($"/postes/{id}", saved.Path);

            var refused = await correspondent.SubmitAsync(second, new() { ["Values.City"] = "Rabat-Hassan" });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            var conflict = refused.Text("edit-conflict");
            Assert.Contains("Courriel : maintenant « conflit.rabat@diplomatie.gouv.fr »", conflict, StringComparison.Ordinal);
            Assert.Equal("Rabat-Hassan", refused.Value("Values.City"));
            await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
                Assert.NotEqual("Rabat-Hassan", await db.DiplomaticPosts.Where(p => p.Id == id).Select(p => p.City).SingleAsync(Ct));

            // Saved again, over the other person's change, from the version the conflict showed.
            var again = await correspondent.SubmitAsync(refused, new() { ["Contacts[0].Email"] = "conflit.rabat@diplomatie.gouv.fr" });
            Assert.Equal($"/postes/{id}", again.Path);
            Assert.Contains("Rabat-Hassan", again.Text("post-city"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_administrator_changes_a_posts_countries_and_is_told_beside_the_field_when_one_is_wrong()
    {
        var id = await fixture.PostIdAsync("ambassade-beyrouth");
        var (browser, _) = await fixture.SignedInAsync(EditorRole.Administrator);
        using (browser)
        {
            var form = await browser.GetAsync($"/postes/{id}/modifier");
            Assert.Equal("LB", form.Value("Countries"));
            var rejected = await browser.SubmitAsync(form, new() { ["Countries"] = "LB, MA, QQ" });
            Assert.Equal(HttpStatusCode.OK, rejected.Status);
            var error = rejected.FieldError("Countries")!;
            // Named as it is now: another test of this class may have renamed it.
            string rabat;
            await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
                rabat = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-rabat").Select(p => p.Name).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Ce pays est déjà couvert par un autre poste : " + rabat, error, StringComparison.Ordinal);
            Assert.Contains("Ce pays n'existe pas", error, StringComparison.Ordinal);
            Assert.Equal("LB, MA, QQ", rejected.Value("Countries"));

            var saved = await browser.SubmitAsync(rejected, new() { ["Countries"] = "lb; sy" });
            Assert.Equal($"/postes/{id}", saved.Path);
            Assert.Equal(["/pays/LB", "/pays/SY"], saved.Document.QuerySelectorAll("[data-testid='post-country']").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task An_authority_form_edits_its_contacts_with_errors_beside_each_line()
    {
        var id = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync($"/collectivites/{id}/modifier");
            var blank = form.Document.QuerySelectorAll("[data-testid^='contact-row-']").Count() - 2;
            var rejected = await browser.SubmitAsync(form, new()
            {
                [$"Contacts[{blank}].LastName"] = "EL AMRANI", [$"Contacts[{blank}].Email"] = "el.amrani@oujda",
                [$"Contacts[{blank}].Role"] = "correspondent",
            });
            Assert.Equal(HttpStatusCode.OK, rejected.Status);
            Assert.Equal("Indiquez une adresse électronique complète, par exemple prenom.nom@exemple.fr.", rejected.FieldError($"Contacts[{blank}].Email"));
            Assert.Equal("el.amrani@oujda", rejected.Value($"Contacts[{blank}].Email"));
            Assert.Equal("EL AMRANI", rejected.Value($"Contacts[{blank}].LastName"));

            var saved = await browser.SubmitAsync(rejected, new() { [$"Contacts[{blank}].Email"] = "el.amrani@oujda.ma" });
            Assert.Equal($"/collectivites/{id}", saved.Path);
            var contact = Assert.Single(saved.Document.QuerySelectorAll("[data-testid='authority-contact']"), c => c.TextContent.Contains("EL AMRANI", StringComparison.Ordinal));
            Assert.Contains("el.amrani [at] oujda.ma", contact.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("el.amrani@oujda.ma", saved.Document.Body!.InnerHtml, StringComparison.Ordinal);
            await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
            Assert.Equal(Atlas.Core.Contacts.ContactRole.Correspondent,
                await db.Contacts.Where(c => c.LocalAuthorityId == id && c.LastName == "EL AMRANI").Select(c => c.Role).SingleAsync(Ct));
        }
    }
}
