using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (Identity's TOTP), and its recovery codes.</summary>
public sealed class TwoFactorTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task Enabled_with_a_code_of_the_app_then_every_sign_in_asks_for_one()
    {
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var setup = await browser.GetAsync("/compte/double-authentification");
            Assert.Contains("désactivée", setup.Text("two-factor-state"), StringComparison.Ordinal);
            var key = setup.Text("authenticator-key");
            Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
            var uri = setup.Text("authenticator-uri");
            // The issuer is the operator's name (Atlas:Operator:Name; the fixture keeps the default).
            Assert.StartsWith($"otpauth://totp/{Uri.EscapeDataString(Atlas.Web.Hosting.OperatorOptions.DefaultName)}:", uri, StringComparison.Ordinal);
            Assert.Contains("secret=" + key.Replace(" ", "", StringComparison.Ordinal), uri, StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString(account.Email), uri, StringComparison.Ordinal);

            var stale = await browser.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) });
            Assert.StartsWith("Ce code est incorrect.", stale.FieldError("Code"), StringComparison.Ordinal);
            var notDigits = await browser.SubmitAsync(setup, new() { ["Code"] = "abc" });
            Assert.Equal("Le code compte 6 chiffres.", notDigits.FieldError("Code"));

            var enabled = await browser.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            Assert.Contains("activée", enabled.Text("two-factor-state"), StringComparison.Ordinal);
            Assert.Equal(10, enabled.TestId("recovery-codes").QuerySelectorAll("li").Length);
            // Shown once: not on the next visit.
            var later = await browser.GetAsync("/compte/double-authentification");
            Assert.Null(later.TestIdOrNull("recovery-codes"));
            Assert.Equal("Codes de secours restants : 10.", later.Text("recovery-codes-left"));
            // The session that turned it on carries on.
            Assert.Equal(account.Name, later.Text("account-link"));

            using var next = fixture.Browser();
            var second = await AccountsAppFixture.SignInAsync(next, account.Email, account.Password, "/compte");
            Assert.Equal("/compte/connexion-2fa", second.Path);
            Assert.Null(second.TestIdOrNull("account-link"));
            Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/compte", followRedirects: false)).Status);

            var wrong = await next.SubmitAsync(second, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) });
            Assert.Equal("Ce code est incorrect ou a expiré.", wrong.FieldError("Code"));
            var signedIn = await next.SubmitAsync(wrong, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
            Assert.Equal("/compte", signedIn.Path);
            Assert.Equal(account.Name, signedIn.Text("account-link"));
        }
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (account, _, codes) = await EnabledAsync();

        using var first = fixture.Browser();
        var step = await AccountsAppFixture.SignInAsync(first, account);
        var signedIn = await first.SubmitAsync(step, new() { ["Code"] = codes[0] });
        Assert.Equal("/espace", signedIn.Path);
        Assert.Equal(account.Name, signedIn.Text("account-link"));
        Assert.Equal("Codes de secours restants : 9.", (await first.GetAsync("/compte/double-authentification")).Text("recovery-codes-left"));

        using var second = fixture.Browser();
        var again = await second.SubmitAsync(await AccountsAppFixture.SignInAsync(second, account), new() { ["Code"] = codes[0] });
        Assert.Equal("/compte/connexion-2fa", again.Path);
        Assert.Equal("Ce code est incorrect ou a expiré.", again.FieldError("Code"));
        var other = await second.SubmitAsync(again, new() { ["Code"] = " " + codes[1] + " " });
        Assert.Equal("/espace", other.Path);
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password()
    {
        using var browser = fixture.Browser();
        var page = await browser.GetAsync("/compte/connexion-2fa");
        Assert.Equal("/compte/connexion", page.Path);
    }

    [Fact]
    public async Task Once_disabled_sign_in_asks_for_the_password_only()
    {
        var (account, _, codes) = await EnabledAsync();
        using var browser = fixture.Browser();
        var step = await AccountsAppFixture.SignInAsync(browser, account);
        Assert.Equal("/espace", (await browser.SubmitAsync(step, new() { ["Code"] = codes[0] })).Path);

        var page = await browser.GetAsync("/compte/double-authentification");
        var disabled = await browser.SubmitAsync(page, form: "form[action*='handler=Desactiver']");
        Assert.Equal("La double authentification est désactivée.", disabled.Text("notice"));

        using var next = fixture.Browser();
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(next, account)).Path);
    }

    /// <summary>A new account with two-factor sign-in on: its shared key and recovery codes.</summary>
    private async Task<(TestAccount Account, string Key, List<string> Codes)> EnabledAsync()
    {
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var setup = await browser.GetAsync("/compte/double-authentification");
            var key = setup.Text("authenticator-key");
            var enabled = await browser.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            var codes = enabled.TestId("recovery-codes").QuerySelectorAll("code").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(10, codes.Count);
            return (account, key, codes);
        }
    }
}
