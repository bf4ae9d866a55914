using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Accounts;

/// <summary>The demo accounts README lists exist in Development, once, and never in Production.</summary>
public sealed class DemoAccountsTests(TestDatabase database)
{
    [Fact]
    public async Task Development_creates_one_account_per_role_once_and_they_sign_in()
    {
        await using var app = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["environment"] = "Development" });
        await using (var second = app.AnotherInstance())
        {
            _ = second.Server; // a second start-up on the same database adds nothing
        }

        await using var db = TestDatabase.CreateContext(app.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        Assert.Equal(DemoAccounts.All.Select(a => a.Email), users.Select(u => u.Email));

        var rabat = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-rabat").Select(p => p.Id).SingleAsync(ct);
        var beyrouth = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-beyrouth").Select(p => p.Id).SingleAsync(ct);
        var woippy = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-woippy").Select(a => a.Id).SingleAsync(ct);
        var marseille = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-marseille").Select(a => a.Id).SingleAsync(ct);
        Assert.Equal(
            [
                ("admin@atlas.localhost", EditorRole.Administrator, null, null),
                ("rabat@atlas.localhost", EditorRole.Correspondent, rabat, null),
                ("beyrouth@atlas.localhost", EditorRole.Correspondent, beyrouth, null),
                ("woippy@atlas.localhost", EditorRole.AuthorityEditor, null, woippy),
                ("marseille@atlas.localhost", EditorRole.AuthorityEditor, null, (int?)marseille),
            ],
            users.Select(u => (u.Email, u.Role, u.DiplomaticPostId, u.LocalAuthorityId)));

        foreach (var account in DemoAccounts.All)
        {
            using var browser = new BrowserSession(app);
            var page = await AccountsAppFixture.SignInAsync(browser, account.Email, DemoAccounts.Password);
            Assert.Equal(account.Name, page.Text("account-link"));
        }
    }

    [Fact]
    public async Task Production_creates_none()
    {
        await using var app = await AtlasApp.StartAsync(database);
        await using var db = TestDatabase.CreateContext(app.ConnectionString);
        Assert.False(await db.Users.AnyAsync(TestContext.Current.CancellationToken));

        using var browser = new BrowserSession(app);
        var page = await AccountsAppFixture.SignInAsync(browser, "admin@atlas.localhost", DemoAccounts.Password);
        Assert.Equal(ConnexionModel.WrongCredentials, page.Text("form-error"));
    }
}
