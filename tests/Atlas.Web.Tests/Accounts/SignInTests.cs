using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Signing in and out, wrong passwords, lockout, disabled accounts, the session cookie.</summary>
public sealed class SignInTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task An_editor_signs_in_sees_their_name_and_signs_out()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();

        var anonymous = await browser.GetAsync("/");
        Assert.Equal("Se connecter", anonymous.Text("sign-in-link"));
        Assert.Null(anonymous.TestIdOrNull("sign-out-form"));

        var home = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal("/espace", home.Path);
        Assert.Equal(account.Name, home.Text("account-link"));
        Assert.Contains("Mot de passe", home.TestId("account-nav").TextContent, StringComparison.Ordinal);
        Assert.Null(home.TestIdOrNull("admin-accounts-link"));
        Assert.Null(home.TestIdOrNull("sign-in-link"));

        var signedOut = await browser.SubmitAsync(home, form: "[data-testid='sign-out-form']");
        Assert.Equal("/compte/connexion", signedOut.Path);
        Assert.Equal("Vous êtes déconnecté.", signedOut.Text("notice"));
        Assert.NotNull(signedOut.TestIdOrNull("sign-in-link"));

        var account2 = await browser.GetAsync("/compte", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, account2.Status);
        Assert.Equal("/compte/connexion", account2.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/compte/connexion", HttpStatusCode.OK)]
    [InlineData("/compte/mot-de-passe-oublie", HttpStatusCode.OK)]
    [InlineData("/compte/acces-refuse", HttpStatusCode.Forbidden)]
    public async Task The_public_account_pages_are_clean_french_pages(string url, HttpStatusCode status)
    {
        using var browser = fixture.Browser();
        var page = await browser.GetAsync(url);
        Assert.Equal(status, page.Status);
        Pages.PageAssertions.IsClean(page.Document);
        Assert.All(page.Document.QuerySelectorAll("main input:not([type=hidden])"), input =>
            Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']")));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_lax_and_secure()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var home = await AccountsAppFixture.SignInAsync(browser, account);

        var cookie = Assert.Single(home.SetCookies, c => c.StartsWith("atlas.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a browser session, 8 h sliding inside
    }

    [Fact]
    public async Task Signing_out_is_a_post_a_get_only_offers_the_button()
    {
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var page = await browser.GetAsync("/compte/deconnexion");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(account.Name, page.Text("account-link")); // still signed in
            var after = await browser.SubmitAsync(page);
            Assert.NotNull(after.TestIdOrNull("sign-in-link"));
        }
    }

    [Fact]
    public async Task The_return_address_is_followed_only_when_it_is_on_this_site()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var challenge = await browser.GetAsync("/compte/mot-de-passe", followRedirects: false);
        Assert.Equal("/compte/connexion", challenge.Location!.AbsolutePath);
        Assert.Contains("retour=%2Fcompte%2Fmot-de-passe", challenge.Location.Query, StringComparison.Ordinal);

        var landed = await AccountsAppFixture.SignInAsync(browser, account.Email, account.Password, "/compte/mot-de-passe");
        Assert.Equal("/compte/mot-de-passe", landed.Path);

        foreach (var evil in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
        {
            using var again = fixture.Browser();
            var page = await AccountsAppFixture.SignInAsync(again, account.Email, account.Password, evil);
            Assert.Equal("https://localhost/espace", page.Url.ToString());
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_keeping_the_email_but_not_the_password()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var page = await AccountsAppFixture.SignInAsync(browser, account.Email, "pas le bon mot de passe");

        Assert.Equal("/compte/connexion", page.Path);
        Assert.Equal(ConnexionModel.WrongCredentials, page.Text("form-error"));
        Assert.Equal(account.Email, page.Value("Email"));
        Assert.Null(page.Value("Password"));
        Assert.DoesNotContain("pas le bon mot de passe", page.Html, StringComparison.Ordinal);
        Assert.NotNull(page.TestIdOrNull("sign-in-link"));

        var unknown = await AccountsAppFixture.SignInAsync(browser, "personne@test.localhost", "pas le bon mot de passe");
        Assert.Equal(ConnexionModel.WrongCredentials, unknown.Text("form-error"));
    }

    [Fact]
    public async Task Empty_or_malformed_fields_get_french_messages_beside_them()
    {
        using var browser = fixture.Browser();
        var form = await browser.GetAsync("/compte/connexion");
        var page = await browser.SubmitAsync(form, new() { ["Email"] = "pas-une-adresse", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Saisissez une adresse électronique valide, comme nom@exemple.fr.", page.FieldError("Email"));
        Assert.Equal("Saisissez votre mot de passe.", page.FieldError("Password"));
        Assert.Equal("pas-une-adresse", page.Value("Email"));
        Assert.Equal("true", page.Document.QuerySelector("#f-Email")!.GetAttribute("aria-invalid"));
        Assert.Equal("err-f-Email", page.Document.QuerySelector("#f-Email")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        for (var i = 1; i <= 5; i++)
        {
            var page = await AccountsAppFixture.SignInAsync(browser, account.Email, $"mauvais essai numéro {i}");
            Assert.Equal(ConnexionModel.WrongCredentials, page.Text("form-error")); // the lock is not announced: it would tell the account exists
        }

        // Even the right password is refused now, with the same message.
        var right = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal("/compte/connexion", right.Path);
        Assert.Equal(ConnexionModel.WrongCredentials, right.Text("form-error"));

        var user = await fixture.FindAsync(account.Email);
        Assert.InRange(user!.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var account = await fixture.CreateAccountAsync(change: u => u.IsDisabled = true);
        using var browser = fixture.Browser();

        var page = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal("/compte/connexion", page.Path);
        Assert.Equal(ConnexionModel.Disabled, page.Text("form-error"));
        Assert.NotNull(page.TestIdOrNull("sign-in-link"));

        // Only whoever knows the password learns that the account exists and is disabled.
        var wrong = await AccountsAppFixture.SignInAsync(browser, account.Email, "pas le bon mot de passe");
        Assert.Equal(ConnexionModel.WrongCredentials, wrong.Text("form-error"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions_within_a_minute()
    {
        var clock = new ShiftedClock();
        await using var app = fixture.WithStampClock(clock);
        var account = await fixture.CreateAccountAsync();
        using var editor = new BrowserSession(app);
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(editor, account)).Path);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/compte")).Status);

        // The administrator's action, in a session of their own, as they would do it.
        var administrator = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var admin = new BrowserSession(app);
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(admin, administrator)).Path);
        var page = await admin.GetAsync($"/admin/comptes/{account.Id}");
        var disabled = await admin.SubmitAsync(page, form: "form[action*='handler=Desactiver']");
        Assert.Contains("est désactivé", disabled.Text("notice"), StringComparison.Ordinal);
        Assert.True((await fixture.FindAsync(account.Email))!.IsDisabled);

        // The editor's cookie is still a valid one: only the next check of its security stamp, once an interval has passed, ends it.
        clock.Offset = AccountsSetup.StampValidationInterval + TimeSpan.FromSeconds(1);
        var after = await editor.GetAsync("/compte", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Equal("/compte/connexion", after.Location!.AbsolutePath);
        var home = await editor.GetAsync("/");
        Assert.NotNull(home.TestIdOrNull("sign-in-link"));
        Assert.Null(home.TestIdOrNull("account-link"));
    }
}
