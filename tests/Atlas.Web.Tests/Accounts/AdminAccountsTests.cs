using Atlas.Core.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Administrators create, re-scope, disable, re-enable and unlock accounts; nobody else reaches these pages.</summary>
public sealed class AdminAccountsTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static readonly string[] AdminPages = ["/admin/comptes", "/admin/comptes/nouveau", "/admin/comptes/1"];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var browser = fixture.Browser();
        foreach (var url in AdminPages)
        {
            var page = await browser.GetAsync(url, followRedirects: false);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal("/compte/connexion", page.Location!.AbsolutePath);
            Assert.Contains("retour=" + Uri.EscapeDataString(url), page.Location.Query, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(EditorRole.Correspondent)]
    [InlineData(EditorRole.AuthorityEditor)]
    public async Task Editors_who_are_not_administrators_are_refused(EditorRole role)
    {
        var (browser, _) = await fixture.SignedInAsync(role);
        using (browser)
        {
            var home = await browser.GetAsync("/");
            Assert.Null(home.TestIdOrNull("admin-accounts-link"));
            foreach (var url in AdminPages)
            {
                var page = await browser.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, page.Status);
                Assert.Equal("/compte/acces-refuse", page.Path);
                Assert.NotNull(page.TestIdOrNull("access-denied"));
            }

            // Nor can they post: the token of a page they may see does not open the door.
            var own = await browser.GetAsync("/compte/mot-de-passe");
            var email = $"intrus-{Guid.NewGuid():N}@test.localhost";
            var direct = await browser.PostAsync("/admin/comptes/nouveau", BrowserSession.FormValues(own.Form()).Append(new("Email", email)));
            Assert.Equal(HttpStatusCode.Forbidden, direct.Status);
            Assert.Null(await fixture.FindAsync(email));
        }
    }

    [Fact]
    public async Task An_administrator_creates_a_correspondent_of_Rabat_who_then_signs_in()
    {
        using var admin = await AdminAsync();
        var home = await admin.GetAsync("/");
        Assert.Equal("Comptes", home.Text("admin-accounts-link"));

        var form = await admin.GetAsync("/admin/comptes/nouveau");
        var rabat = await fixture.PostIdAsync("ambassade-rabat");
        Assert.Contains(form.Document.QuerySelectorAll("#f-DiplomaticPostId option"), o => o.GetAttribute("value") == rabat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var email = $"rabat-{Guid.NewGuid():N}@test.localhost";
        var created = await admin.SubmitAsync(form, new()
        {
            ["DisplayName"] = "Nadia Correspondante",
            ["Email"] = email,
            ["Role"] = "correspondent",
            ["DiplomaticPostId"] = rabat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PasswordMode"] = "mot-de-passe",
            ["InitialPassword"] = "bienvenue à Rabat 2025",
        }, submitter: "button[value='creer']");

        Assert.Equal("/admin/comptes", created.Path);
        Assert.Contains("Le compte de Nadia Correspondante est créé", created.Text("notice"), StringComparison.Ordinal);
        var row = created.Document.QuerySelector($"[data-testid='account-row'][data-email='{email}']")!;
        Assert.Contains("Correspondant d'un poste diplomatique", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rabat", row.TextContent, StringComparison.Ordinal);

        var user = (await fixture.FindAsync(email))!;
        Assert.Equal(EditorRole.Correspondent, user.Role);
        Assert.Equal(rabat, user.DiplomaticPostId);
        Assert.Null(user.LocalAuthorityId);
        Assert.True(user.LockoutEnabled);

        using var nadia = fixture.Browser();
        var signedIn = await AccountsAppFixture.SignInAsync(nadia, email, "bienvenue à Rabat 2025", "/compte");
        Assert.Equal("/compte", signedIn.Path);
        Assert.Equal(rabat.ToString(System.Globalization.CultureInfo.InvariantCulture), signedIn.TestId("account-scope").GetAttribute("data-post-id"));
    }

    [Fact]
    public async Task An_account_created_with_a_link_chooses_its_own_password()
    {
        using var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/comptes/nouveau");
        var email = $"lien-{Guid.NewGuid():N}@test.localhost";
        var created = await admin.SubmitAsync(form, new()
        {
            ["DisplayName"] = "Éditeur Woippy", ["Email"] = email, ["Role"] = "authority-editor",
            ["LocalAuthorityId"] = (await fixture.AuthorityIdAsync("fr-commune-woippy")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PasswordMode"] = "lien",
        }, submitter: "button[value='creer']");
        Assert.Contains("un lien pour choisir son mot de passe a été envoyé", created.Text("notice"), StringComparison.Ordinal);

        var mail = Assert.Single(fixture.MailTo(email));
        using var person = fixture.Browser();
        var reset = await person.GetAsync(mail.LocalLink);
        await person.SubmitAsync(reset, new() { ["NewPassword"] = "mon propre mot de passe", ["ConfirmPassword"] = "mon propre mot de passe" });
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(person, email, "mon propre mot de passe")).Path);
    }

    [Fact]
    public async Task Mistakes_are_shown_beside_their_fields_before_the_database_could_refuse_them()
    {
        var existing = await fixture.CreateAccountAsync();
        using var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/comptes/nouveau");

        async Task<BrowserPage> Create(Dictionary<string, string?> fields) =>
            await admin.SubmitAsync(form, fields, submitter: "button[value='creer']");

        var correspondent = await Create(new() { ["DisplayName"] = "Sans poste", ["Email"] = "sans-poste@test.localhost", ["Role"] = "correspondent", ["PasswordMode"] = "lien" });
        Assert.Equal("Choisissez le poste diplomatique dont ce correspondant tient les fiches.", correspondent.FieldError("DiplomaticPostId"));
        Assert.Equal("Sans poste", correspondent.Value("DisplayName"));
        Assert.Equal("sans-poste@test.localhost", correspondent.Value("Email"));
        Assert.NotNull(correspondent.Document.QuerySelector("input[name='Role'][value='correspondent'][checked]"));

        var editor = await Create(new() { ["DisplayName"] = "Sans collectivité", ["Email"] = "sans-collectivite@test.localhost", ["Role"] = "authority-editor", ["PasswordMode"] = "lien" });
        Assert.Equal("Cherchez puis choisissez la collectivité dont ce compte tient les fiches.", editor.FieldError("LocalAuthorityId"));

        var ghost = await Create(new() { ["DisplayName"] = "Poste fantôme", ["Email"] = "fantome@test.localhost", ["Role"] = "correspondent", ["DiplomaticPostId"] = "999999", ["PasswordMode"] = "lien" });
        Assert.Equal("Ce poste diplomatique n'existe pas.", ghost.FieldError("DiplomaticPostId"));

        var notANumber = await Create(new() { ["DisplayName"] = "Poste texte", ["Email"] = "texte@test.localhost", ["Role"] = "correspondent", ["DiplomaticPostId"] = "rabat", ["PasswordMode"] = "lien" });
        Assert.Equal("La valeur « rabat » n'est pas valide.", notANumber.FieldError("DiplomaticPostId"));

        var role = await Create(new() { ["DisplayName"] = "Super", ["Email"] = "super@test.localhost", ["Role"] = "superuser", ["PasswordMode"] = "lien" });
        Assert.Equal("Choisissez l'un des rôles proposés.", role.FieldError("Role"));

        var empty = await Create(new() { ["DisplayName"] = "", ["Email"] = "", ["Role"] = null, ["PasswordMode"] = "lien" });
        Assert.Equal("Saisissez le nom de la personne.", empty.FieldError("DisplayName"));
        Assert.Equal("Saisissez l'adresse électronique de la personne.", empty.FieldError("Email"));
        Assert.Equal("Choisissez le rôle du compte.", empty.FieldError("Role"));

        var duplicate = await Create(new() { ["DisplayName"] = "Doublon", ["Email"] = existing.Email, ["Role"] = "administrator", ["PasswordMode"] = "lien" });
        Assert.Equal("Un compte existe déjà avec cette adresse électronique.", duplicate.FieldError("Email"));

        var password = await Create(new() { ["DisplayName"] = "Court", ["Email"] = "court@test.localhost", ["Role"] = "administrator", ["PasswordMode"] = "mot-de-passe", ["InitialPassword"] = "court" });
        Assert.Equal("Le mot de passe doit compter au moins 12 caractères.", password.FieldError("InitialPassword"));
        Assert.Null(password.Value("InitialPassword"));

        var noPassword = await Create(new() { ["DisplayName"] = "Rien", ["Email"] = "rien@test.localhost", ["Role"] = "administrator", ["PasswordMode"] = "mot-de-passe", ["InitialPassword"] = "" });
        Assert.Equal("Saisissez le mot de passe initial, ou choisissez d'envoyer un lien.", noPassword.FieldError("InitialPassword"));

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var emails = new[] { "sans-poste@test.localhost", "sans-collectivite@test.localhost", "fantome@test.localhost", "texte@test.localhost", "super@test.localhost", "court@test.localhost", "rien@test.localhost" };
        Assert.False(await db.Users.AnyAsync(u => emails.Contains(u.Email), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_authority_is_found_by_searching_its_name_without_losing_what_was_typed()
    {
        using var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/comptes/nouveau");
        var found = await admin.SubmitAsync(form, new()
        {
            ["DisplayName"] = "Élise Marseillaise", ["Email"] = $"marseille-{Guid.NewGuid():N}@test.localhost", ["Role"] = "authority-editor",
            ["AuthorityQuery"] = "marseille",
        }, submitter: "[data-testid='search-authorities']");
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Null(found.TestIdOrNull("form-error"));
        Assert.Equal("Élise Marseillaise", found.Value("DisplayName"));
        var marseille = (await fixture.AuthorityIdAsync("fr-commune-marseille")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var option = Assert.Single(found.Document.QuerySelectorAll("#f-LocalAuthorityId option"), o => o.GetAttribute("value") == marseille);
        Assert.Contains("Marseille (commune, France)", option.TextContent, StringComparison.Ordinal);

        var none = await admin.SubmitAsync(form, new() { ["AuthorityQuery"] = "zzzzqqq" }, submitter: "[data-testid='search-authorities']");
        Assert.StartsWith("Aucune collectivité ne porte ce nom.", none.FieldError("AuthorityQuery"), StringComparison.Ordinal);

        var created = await admin.SubmitAsync(found, new() { ["LocalAuthorityId"] = marseille, ["PasswordMode"] = "lien" }, submitter: "button[value='creer']");
        Assert.Equal("/admin/comptes", created.Path);
    }

    [Fact]
    public async Task An_administrator_changes_a_role_and_scope()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var admin = await AdminAsync();
        var form = await admin.GetAsync($"/admin/comptes/{account.Id}");
        Assert.NotNull(form.Document.QuerySelector("input[name='Role'][value='correspondent'][checked]"));

        var marseille = await fixture.AuthorityIdAsync("fr-commune-marseille");
        var saved = await admin.SubmitAsync(form, new()
        {
            ["Role"] = "authority-editor", ["LocalAuthorityId"] = marseille.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");
        Assert.Equal($"/admin/comptes/{account.Id}", saved.Path);
        Assert.Contains("est enregistré", saved.Text("notice"), StringComparison.Ordinal);
        var user = (await fixture.FindAsync(account.Email))!;
        Assert.Equal((EditorRole.AuthorityEditor, (int?)null, (int?)marseille), (user.Role, user.DiplomaticPostId, user.LocalAuthorityId));

        var beyrouth = await fixture.PostIdAsync("ambassade-beyrouth");
        var stale = await admin.SubmitAsync(form, new()
        {
            ["Role"] = "correspondent", ["DiplomaticPostId"] = beyrouth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");
        Assert.Contains("vient d'être modifié par ailleurs", stale.Text("form-error"), StringComparison.Ordinal);
        Assert.NotNull(stale.Document.QuerySelector("input[name='Role'][value='correspondent'][checked]"));
        Assert.Equal(EditorRole.AuthorityEditor, (await fixture.FindAsync(account.Email))!.Role);

        var confirmed = await admin.SubmitAsync(stale, form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");
        Assert.Equal($"/admin/comptes/{account.Id}", confirmed.Path);
        user = (await fixture.FindAsync(account.Email))!;
        Assert.Equal((EditorRole.Correspondent, (int?)beyrouth, (int?)null), (user.Role, user.DiplomaticPostId, user.LocalAuthorityId));

        var toAdmin = await admin.SubmitAsync(confirmed, new() { ["Role"] = "administrator" }, form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");
        Assert.Contains("est enregistré", toAdmin.Text("notice"), StringComparison.Ordinal);
        user = (await fixture.FindAsync(account.Email))!;
        Assert.Equal((EditorRole.Administrator, (int?)null, (int?)null), (user.Role, user.DiplomaticPostId, user.LocalAuthorityId));
    }

    [Fact]
    public async Task A_re_scoped_account_gets_its_new_scope_within_a_minute_without_signing_in_again()
    {
        var clock = new ShiftedClock();
        await using var app = fixture.WithStampClock(clock);
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var browser = new BrowserSession(app);
        await AccountsAppFixture.SignInAsync(browser, account);

        using var admin = await AdminAsync();
        var beyrouth = await fixture.PostIdAsync("ambassade-beyrouth");
        var form = await admin.GetAsync($"/admin/comptes/{account.Id}");
        await admin.SubmitAsync(form, new() { ["DiplomaticPostId"] = beyrouth.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");

        clock.Offset = TimeSpan.FromMinutes(2);
        var page = await browser.GetAsync("/compte");
        Assert.Equal(beyrouth.ToString(System.Globalization.CultureInfo.InvariantCulture), page.TestId("account-scope").GetAttribute("data-post-id"));
    }

    [Fact]
    public async Task An_administrator_disables_then_re_enables_an_account()
    {
        var account = await fixture.CreateAccountAsync();
        using var admin = await AdminAsync();
        var page = await admin.GetAsync($"/admin/comptes/{account.Id}");
        var disabled = await admin.SubmitAsync(page, form: "form[action*='handler=Desactiver']");
        Assert.Contains("est désactivé", disabled.Text("notice"), StringComparison.Ordinal);
        Assert.Equal("désactivé", disabled.Text("account-state"));
        var list = await admin.GetAsync("/admin/comptes");
        Assert.Equal("désactivé", list.Document.QuerySelector($"[data-email='{account.Email}'] [data-testid='account-state']")!.TextContent);

        using var person = fixture.Browser();
        Assert.Contains("désactivé", (await AccountsAppFixture.SignInAsync(person, account)).Text("form-error"), StringComparison.Ordinal);

        var enabled = await admin.SubmitAsync(disabled, form: "form[action*='handler=Reactiver']");
        Assert.Equal("actif", enabled.Text("account-state"));
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(person, account)).Path);
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account()
    {
        var account = await fixture.CreateAccountAsync();
        using var person = fixture.Browser();
        for (var i = 0; i < 5; i++) await AccountsAppFixture.SignInAsync(person, account.Email, "pas le bon mot de passe");

        using var admin = await AdminAsync();
        var list = await admin.GetAsync("/admin/comptes");
        Assert.Equal("verrouillé", list.Document.QuerySelector($"[data-email='{account.Email}'] [data-testid='account-locked']")!.TextContent);
        var page = await admin.GetAsync($"/admin/comptes/{account.Id}");
        var unlocked = await admin.SubmitAsync(page, form: "form[action*='handler=Deverrouiller']");
        Assert.Contains("est déverrouillé", unlocked.Text("notice"), StringComparison.Ordinal);
        Assert.Equal("non", unlocked.Text("account-locked"));

        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(person, account)).Path);
    }

    [Fact]
    public async Task An_administrator_neither_disables_nor_demotes_their_own_account()
    {
        var self = await fixture.CreateAccountAsync(EditorRole.Administrator);
        using var admin = fixture.Browser();
        await AccountsAppFixture.SignInAsync(admin, self);
        var page = await admin.GetAsync($"/admin/comptes/{self.Id}");
        Assert.Null(page.Document.QuerySelector("form[action*='handler=Desactiver']"));

        var demoted = await admin.SubmitAsync(page, new() { ["Role"] = "correspondent", ["DiplomaticPostId"] = (await fixture.PostIdAsync("ambassade-rabat")).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            form: "[data-testid='account-form']", submitter: "button[value='enregistrer']");
        Assert.StartsWith("Vous ne pouvez pas changer le rôle de votre propre compte", demoted.FieldError("Role"), StringComparison.Ordinal);

        var forced = await admin.PostAsync($"/admin/comptes/{self.Id}?handler=Desactiver", BrowserSession.FormValues(page.Form("form[action*='handler=Lien']")));
        Assert.Equal("Vous ne pouvez pas désactiver votre propre compte.", forced.Text("notice"));
        Assert.False((await fixture.FindAsync(self.Email))!.IsDisabled);
    }

    [Fact]
    public async Task An_unknown_account_is_a_404()
    {
        using var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/comptes/999999")).Status);
    }

    private async Task<BrowserSession> AdminAsync()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Administrator);
        var browser = fixture.Browser();
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account)).Path);
        return browser;
    }
}
