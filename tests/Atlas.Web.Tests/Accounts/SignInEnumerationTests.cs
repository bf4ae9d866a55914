using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Accounts;

/// <summary>
/// Sign-in tells no one whether an account exists: every attempt costs one password-hash verification, proven by counting
/// them (an unknown address skipped hashing: 15 ms against 299 ms), and every failure gets the same page.
/// </summary>
public sealed class SignInEnumerationTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private const string WrongPassword = "pas le bon mot de passe";

    public enum Attempt { UnknownAddress, WrongPassword, LockedWithWrongPassword, LockedWithRightPassword, DisabledWithWrongPassword, DisabledWithRightPassword, NoPasswordYet, RightPassword }

    [Theory]
    [InlineData(Attempt.UnknownAddress)]
    [InlineData(Attempt.WrongPassword)]
    [InlineData(Attempt.LockedWithWrongPassword)]
    [InlineData(Attempt.LockedWithRightPassword)]
    [InlineData(Attempt.DisabledWithWrongPassword)]
    [InlineData(Attempt.DisabledWithRightPassword)]
    [InlineData(Attempt.NoPasswordYet)]
    [InlineData(Attempt.RightPassword)]
    public async Task Every_sign_in_attempt_verifies_exactly_one_password_hash(Attempt attempt)
    {
        var hasher = new CountingPasswordHasher();
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AtlasUser>>(hasher)));
        var (email, password) = await PrepareAsync(attempt);
        using var browser = new BrowserSession(app);
        var form = await browser.GetAsync("/compte/connexion");

        hasher.Verifications = 0;
        var page = await browser.SubmitAsync(form, new() { ["Email"] = email, ["Password"] = password });

        Assert.Equal(1, hasher.Verifications);
        Assert.Equal(attempt == Attempt.RightPassword ? "/espace" : "/compte/connexion", page.Path);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_a_locked_account_get_the_very_same_page()
    {
        var pages = new List<string>();
        foreach (var attempt in new[] { Attempt.UnknownAddress, Attempt.WrongPassword, Attempt.LockedWithWrongPassword, Attempt.LockedWithRightPassword })
        {
            var (email, password) = await PrepareAsync(attempt);
            using var browser = fixture.Browser();
            var page = await AccountsAppFixture.SignInAsync(browser, email, password);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(ConnexionModel.WrongCredentials, page.Text("form-error"));
            // What may differ is what the visitor typed and the form's own antiforgery token.
            var main = page.Document.QuerySelector("main")!;
            Assert.Equal(email, main.QuerySelector("input[name='Email']")!.GetAttribute("value"));
            main.QuerySelector("input[name='Email']")!.SetAttribute("value", "");
            main.QuerySelector($"input[name='{BrowserSession.AntiforgeryField}']")!.SetAttribute("value", "");
            pages.Add(main.OuterHtml);
        }
        Assert.All(pages, page => Assert.Equal(pages[0], page));
    }

    [Fact]
    public async Task The_refusal_says_for_everyone_how_a_lock_works_and_how_to_get_back_in()
    {
        Assert.Contains($"{AccountsSetup.MaxFailedAttempts} échecs", ConnexionModel.WrongCredentials, StringComparison.Ordinal);
        Assert.Contains($"{AccountsSetup.LockoutLength.TotalMinutes:0} minutes", ConnexionModel.WrongCredentials, StringComparison.Ordinal);
        Assert.Contains("« Mot de passe oublié »", ConnexionModel.WrongCredentials, StringComparison.Ordinal);

        // Only whoever knows a disabled account's password learns that it is disabled.
        var (email, password) = await PrepareAsync(Attempt.DisabledWithRightPassword);
        using var browser = fixture.Browser();
        Assert.Equal(ConnexionModel.Disabled, (await AccountsAppFixture.SignInAsync(browser, email, password)).Text("form-error"));
        Assert.Equal(ConnexionModel.WrongCredentials, (await AccountsAppFixture.SignInAsync(browser, email, WrongPassword)).Text("form-error"));
    }

    private async Task<(string Email, string Password)> PrepareAsync(Attempt attempt)
    {
        switch (attempt)
        {
            case Attempt.UnknownAddress:
                return ($"personne-{Guid.NewGuid():N}@test.localhost", WrongPassword);
            case Attempt.NoPasswordYet:
                await using (var scope = fixture.App.Services.CreateAsyncScope())
                {
                    var email = $"sans-mot-de-passe-{Guid.NewGuid():N}@test.localhost";
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
                    var created = await users.CreateAsync(new AtlasUser
                    {
                        UserName = email, Email = email, DisplayName = "Sans mot de passe", Role = EditorRole.Administrator, CreatedAt = DateTimeOffset.UtcNow,
                    });
                    Assert.True(created.Succeeded);
                    return (email, WrongPassword);
                }
        }
        var disabled = attempt is Attempt.DisabledWithRightPassword or Attempt.DisabledWithWrongPassword;
        var account = await fixture.CreateAccountAsync(change: u => u.IsDisabled = disabled);
        if (attempt is Attempt.LockedWithRightPassword or Attempt.LockedWithWrongPassword)
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            Assert.True((await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow + AccountsSetup.LockoutLength)).Succeeded);
        }
        var right = attempt is Attempt.RightPassword or Attempt.LockedWithRightPassword or Attempt.DisabledWithRightPassword;
        return (account.Email, right ? account.Password : WrongPassword);
    }

    /// <summary>Identity's hasher, counting its verifications: one each is what makes every answer take as long.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AtlasUser>
    {
        private readonly PasswordHasher<AtlasUser> _inner = new();
        private int _verifications;

        public int Verifications
        {
            get => Volatile.Read(ref _verifications);
            set => Volatile.Write(ref _verifications, value);
        }

        public string HashPassword(AtlasUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AtlasUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
