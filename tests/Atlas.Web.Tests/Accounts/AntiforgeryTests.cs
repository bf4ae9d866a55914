using Atlas.Core.Accounts;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Every form of the account and administration pages, posted without its antiforgery token, is refused with 400 and changes nothing.</summary>
public sealed class AntiforgeryTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    /// <summary>The header's sign-out forms on a signed-in page: in the « Mon compte » menu, and in the « Menu » of narrow screens.</summary>
    private const int SignOutForms = 2;

    [Fact]
    public async Task Every_form_of_the_anonymous_pages_needs_its_token()
    {
        var account = await fixture.CreateAccountAsync();
        using var browser = fixture.Browser();
        var forgotten = await browser.GetAsync("/compte/mot-de-passe-oublie");
        await browser.SubmitAsync(forgotten, new() { ["Email"] = account.Email });
        var link = Assert.Single(fixture.MailTo(account.Email)).LocalLink;

        var count = 0;
        foreach (var url in new[] { "/compte/connexion", "/compte/mot-de-passe-oublie", link })
            count += await AssertEveryFormRefusedAsync(browser, url, new() { ["Email"] = account.Email, ["Password"] = account.Password, ["NewPassword"] = "un autre mot de passe", ["ConfirmPassword"] = "un autre mot de passe" });
        Assert.Equal(3, count);
        Assert.Single(fixture.MailTo(account.Email)); // no second message
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(browser, account)).Path); // password unchanged
    }

    [Fact]
    public async Task The_code_step_of_a_two_factor_sign_in_needs_its_token()
    {
        var (browser, account) = await fixture.SignedInAsync();
        string key;
        using (browser)
        {
            var setup = await browser.GetAsync("/compte/double-authentification");
            Assert.Equal(1 + SignOutForms, await AssertEveryFormRefusedAsync(browser, "/compte/double-authentification",
                new() { ["Code"] = Totp.Code(setup.Text("authenticator-key"), DateTimeOffset.UtcNow) })); // Activer + sign-out
            Assert.Contains("désactivée", (await browser.GetAsync("/compte/double-authentification")).Text("two-factor-state"), StringComparison.Ordinal);
            key = setup.Text("authenticator-key");
            await browser.SubmitAsync(setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            Assert.Equal(2 + SignOutForms, await AssertEveryFormRefusedAsync(browser, "/compte/double-authentification", [])); // Codes, Desactiver + sign-out
            Assert.Contains("activée", (await browser.GetAsync("/compte/double-authentification")).Text("two-factor-state"), StringComparison.Ordinal);
        }

        using var next = fixture.Browser();
        await AccountsAppFixture.SignInAsync(next, account);
        Assert.Equal(1, await AssertEveryFormRefusedAsync(next, "/compte/connexion-2fa", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) }));
        Assert.NotNull((await next.GetAsync("/")).TestIdOrNull("sign-in-link"));
    }

    [Fact]
    public async Task Every_form_of_a_signed_in_editor_needs_its_token()
    {
        var (browser, account) = await fixture.SignedInAsync();
        using (browser)
        {
            var count = 0;
            foreach (var url in new[] { "/", "/compte", "/compte/deconnexion", "/compte/mot-de-passe" })
                count += await AssertEveryFormRefusedAsync(browser, url, new() { ["CurrentPassword"] = account.Password, ["NewPassword"] = "un autre mot de passe", ["ConfirmPassword"] = "un autre mot de passe" });
            Assert.Equal(4 * SignOutForms + 2, count); // the header's sign-out on each page, the sign-out page's own form, the password form
            Assert.Equal(account.Name, (await browser.GetAsync("/compte")).Text("account-link")); // still signed in
        }
        using var other = fixture.Browser();
        Assert.Equal("/espace", (await AccountsAppFixture.SignInAsync(other, account)).Path); // password unchanged
    }

    [Fact]
    public async Task Every_form_of_the_administration_needs_its_token()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator);
        var locked = await fixture.CreateAccountAsync();
        var disabled = await fixture.CreateAccountAsync(change: u => u.IsDisabled = true);
        using var browser = fixture.Browser();
        for (var i = 0; i < 5; i++) await AccountsAppFixture.SignInAsync(browser, locked.Email, "pas le bon mot de passe");
        await AccountsAppFixture.SignInAsync(browser, admin);

        var email = $"jamais-{Guid.NewGuid():N}@test.localhost";
        var fields = new Dictionary<string, string?>
        {
            ["DisplayName"] = "Jamais créé", ["Email"] = email, ["Role"] = "administrator", ["PasswordMode"] = "lien",
        };
        var count = 0;
        foreach (var url in new[] { "/admin/comptes", "/admin/comptes/nouveau", $"/admin/comptes/{locked.Id}", $"/admin/comptes/{disabled.Id}" })
            count += await AssertEveryFormRefusedAsync(browser, url, fields);
        // Sign-out on each page; creation; on the locked account: save, unlock, link, disable; on the disabled one: save, re-enable.
        Assert.Equal(4 * SignOutForms + 1 + 4 + 2, count);

        Assert.Null(await fixture.FindAsync(email));
        var lockedNow = (await fixture.FindAsync(locked.Email))!;
        Assert.True(lockedNow.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.False(lockedNow.IsDisabled);
        Assert.Equal(locked.Name, lockedNow.DisplayName);
        Assert.True((await fixture.FindAsync(disabled.Email))!.IsDisabled);
        Assert.Empty(fixture.MailTo(locked.Email));
    }

    /// <summary>Posts each POST form of the page (header included) with the given values but no token; answers how many there were.</summary>
    private static async Task<int> AssertEveryFormRefusedAsync(BrowserSession browser, string url, Dictionary<string, string?> fields)
    {
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var forms = page.Document.QuerySelectorAll("form[method=post]");
        for (var i = 0; i < forms.Length; i++)
        {
            var form = forms[i];
            Assert.Contains(BrowserSession.FormValues(form), v => v.Key == BrowserSession.AntiforgeryField);
            var values = BrowserSession.FormValues(form, form.QuerySelector("button[type=submit]"))
                .Where(v => v.Key != BrowserSession.AntiforgeryField && !fields.ContainsKey(v.Key))
                .Concat(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
            var action = form.GetAttribute("action");
            var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
            var refused = await browser.PostAsync(target.PathAndQuery, values, followRedirects: false);
            Assert.True(refused.Status == HttpStatusCode.BadRequest, $"{url}, form {i} ({action}): {refused.Status}");
        }
        return forms.Length;
    }
}
