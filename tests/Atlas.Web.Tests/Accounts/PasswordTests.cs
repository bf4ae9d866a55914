using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Forgotten password (by a link written to the pickup folder), reset, change.</summary>
public sealed class PasswordTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private const string NewPassword = "une toute nouvelle phrase";

    [Fact]
    public async Task A_forgotten_password_is_reset_by_the_mailed_link_then_the_new_one_signs_in()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var sent = await RequestResetAsync(browser, account.Email);
        Assert.Equal("/compte/mot-de-passe-oublie", sent.Path);
        Assert.Contains("Si un compte correspond à cette adresse", sent.Text("reset-sent"), StringComparison.Ordinal);

        var mail = Assert.Single(fixture.MailTo(account.Email));
        Assert.Equal("password-reset", mail.Kind);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", await File.ReadAllTextAsync(mail.Path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith(AtlasApp.PublicBaseUrl + "/compte/reinitialiser?email=", mail.Link, StringComparison.Ordinal);

        var form = await browser.GetAsync(mail.LocalLink);
        Assert.Equal(account.Email, form.Value("Email"));
        var done = await browser.SubmitAsync(form, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal("/compte/connexion", done.Path);
        Assert.Contains("Votre mot de passe a été enregistré", done.Text("notice"), StringComparison.Ordinal);

        var old = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal(ConnexionModel.WrongCredentials, old.Text("form-error"));
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account.Email, NewPassword)).Path);

        // A link serves once.
        using var again = fixture.Browser();
        var reused = await again.SubmitAsync(await again.GetAsync(mail.LocalLink),
            new() { ["NewPassword"] = "encore un autre mot de passe", ["ConfirmPassword"] = "encore un autre mot de passe" });
        Assert.Equal("Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.", reused.Text("form-error"));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_very_same_answer_and_no_mail()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var known = await RequestResetAsync(browser, account.Email);
        var unknown = await RequestResetAsync(browser, "inconnu@test.localhost");

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Url, unknown.Url);
        Assert.Equal(known.Redirects, unknown.Redirects);
        Assert.Equal(known.TestId("reset-sent").OuterHtml, unknown.TestId("reset-sent").OuterHtml);
        Assert.Empty(fixture.MailTo("inconnu@test.localhost"));
        Assert.Single(fixture.MailTo(account.Email));
    }

    [Fact]
    public async Task A_disabled_account_gets_no_link_but_the_same_answer()
    {
        var account = await fixture.CreateAccountAsync(change: u => u.IsDisabled = true);
        using var browser = fixture.Browser();
        var page = await RequestResetAsync(browser, account.Email);
        Assert.NotNull(page.TestIdOrNull("reset-sent"));
        Assert.Empty(fixture.MailTo(account.Email));
    }

    [Fact]
    public async Task The_reset_form_checks_the_new_password_and_a_broken_link()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        await RequestResetAsync(browser, account.Email);
        var link = Assert.Single(fixture.MailTo(account.Email)).LocalLink;

        var form = await browser.GetAsync(link);
        var tooShort = await browser.SubmitAsync(form, new() { ["NewPassword"] = "court", ["ConfirmPassword"] = "court" });
        Assert.Equal("Le mot de passe doit compter au moins 12 caractères.", tooShort.FieldError("NewPassword"));
        Assert.Null(tooShort.Value("NewPassword"));

        var different = await browser.SubmitAsync(tooShort, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword + "!" });
        Assert.Equal("Les deux mots de passe saisis sont différents.", different.FieldError("ConfirmPassword"));

        var altered = await browser.SubmitAsync(form, new() { ["Code"] = "QUJD", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal("Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.", altered.Text("form-error"));

        var cut = await browser.GetAsync("/compte/reinitialiser?email=" + Uri.EscapeDataString(account.Email));
        Assert.Contains("Ce lien est incomplet", cut.Text("form-error"), StringComparison.Ordinal);

        // Nothing changed: the old password still works.
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account)).Path);
    }

    [Fact]
    public async Task A_reset_also_lifts_a_lockout()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        for (var i = 0; i < 5; i++) await AccountsAppFixture.SignInAsync(browser, account.Email, "pas le bon mot de passe");
        Assert.Equal("/compte/connexion", (await AccountsAppFixture.SignInAsync(browser, account)).Path); // locked: even the right password is refused

        await RequestResetAsync(browser, account.Email);
        var form = await browser.GetAsync(Assert.Single(fixture.MailTo(account.Email)).LocalLink);
        await browser.SubmitAsync(form, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account.Email, NewPassword)).Path);
    }

    [Fact]
    public async Task A_signed_in_editor_changes_their_password()
    {
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var form = await browser.GetAsync("/compte/mot-de-passe");

            var wrong = await browser.SubmitAsync(form, new() { ["CurrentPassword"] = "pas le bon", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
            Assert.Equal("Le mot de passe actuel est incorrect.", wrong.FieldError("CurrentPassword"));

            var weak = await browser.SubmitAsync(form, new() { ["CurrentPassword"] = account.Password, ["NewPassword"] = "aaaaaaaaaaaaaa", ["ConfirmPassword"] = "aaaaaaaaaaaaaa" });
            Assert.Equal("Le mot de passe doit contenir au moins 4 caractères différents.", weak.FieldError("NewPassword"));

            var empty = await browser.SubmitAsync(form, new() { ["CurrentPassword"] = "", ["NewPassword"] = "", ["ConfirmPassword"] = "" });
            Assert.Equal("Saisissez votre mot de passe actuel.", empty.FieldError("CurrentPassword"));
            Assert.Equal("Choisissez un nouveau mot de passe.", empty.FieldError("NewPassword"));

            var done = await browser.SubmitAsync(form, new() { ["CurrentPassword"] = account.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
            Assert.Equal("/compte", done.Path);
            Assert.Equal("Votre mot de passe a été changé.", done.Text("notice"));
            // This session carries on with the new security stamp.
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte/mot-de-passe", followRedirects: false)).Status);
        }

        using var other = fixture.Browser();
        Assert.Equal(ConnexionModel.WrongCredentials, (await AccountsAppFixture.SignInAsync(other, account)).Text("form-error"));
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(other, account.Email, NewPassword)).Path);
    }

    private static async Task<BrowserPage> RequestResetAsync(BrowserSession browser, string email)
    {
        var form = await browser.GetAsync("/compte/mot-de-passe-oublie");
        return await browser.SubmitAsync(form, new() { ["Email"] = email });
    }
}
