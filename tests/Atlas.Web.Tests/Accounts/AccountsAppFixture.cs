using System.Text.RegularExpressions;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Accounts;

/// <summary>An account made for a test, with its password.</summary>
public sealed record TestAccount(int Id, string Email, string Password, string Name);

/// <summary>A message the app wrote into its pickup folder: its recipient's address, kind (X-Atlas-Message), subject and decoded text.</summary>
public sealed record PickedUpMail(string Path, string To, string Text, string Kind = "", string Subject = "")
{
    /// <summary>Reads a pickup file as a mail client would (headers decoded, body in its transfer encoding undone).</summary>
    public static PickedUpMail Read(string path)
    {
        using var message = MimeKit.MimeMessage.Load(path);
        var to = message.To.Mailboxes.Single().Address;
        return new PickedUpMail(path, to, message.TextBody ?? "", message.Headers[Atlas.Web.Hosting.MailDelivery.KindHeader] ?? "", message.Subject ?? "");
    }

    public string Link => Regex.Match(Text, @"https?://\S+").Value;
    /// <summary>The link without its origin, as the test client asks for it.</summary>
    public string LocalLink => new Uri(Link).PathAndQuery;
}

/// <summary>A clock running ahead of the real one, for what happens "a few minutes later".</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The app on its own copy of the demo database, its mail written to a folder of its own; helpers to make accounts and sign in.</summary>
public class AccountsAppFixture(TestDatabase database) : IAsyncLifetime
{
    public const string DefaultPassword = "un mot de passe assez long";

    public AtlasApp App { get; private set; } = null!;
    public string MailDirectory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"atlas-mail-tests-{Guid.NewGuid():N}");

    /// <summary>Changes a derived fixture makes to the app's services (a fake clock).</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    public async ValueTask InitializeAsync() =>
        App = await AtlasApp.StartAsync(database, new Dictionary<string, string> { ["Atlas:Mail:PickupDirectory"] = MailDirectory }, Services);

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await App.DisposeAsync();
        if (Directory.Exists(MailDirectory)) Directory.Delete(MailDirectory, recursive: true);
    }

    public BrowserSession Browser() => new(App);

    /// <summary>The same app whose security-stamp checks read <paramref name="clock"/>.</summary>
    public WebApplicationFactory<Program> WithStampClock(ShiftedClock clock) =>
        App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));

    public async Task<TestAccount> CreateAccountAsync(EditorRole role = EditorRole.Correspondent, string? postKey = "ambassade-rabat",
        string? authorityKey = null, string password = DefaultPassword, Action<AtlasUser>? change = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.localhost";
        var user = new AtlasUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Compte de test {Guid.NewGuid().ToString("N")[..6]}",
            Role = role,
            DiplomaticPostId = role == EditorRole.Correspondent ? await PostIdAsync(postKey!) : null,
            LocalAuthorityId = role == EditorRole.AuthorityEditor ? await AuthorityIdAsync(authorityKey ?? "fr-commune-woippy") : null,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        change?.Invoke(user);
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestAccount(user.Id, email, password, user.DisplayName);
    }

    public async Task<AtlasUser?> FindAsync(string email)
    {
        await using var db = TestDatabase.CreateContext(App.ConnectionString);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, TestContext.Current.CancellationToken);
    }

    public async Task<int> PostIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(App.ConnectionString);
        return await db.DiplomaticPosts.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> AuthorityIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(App.ConnectionString);
        return await db.LocalAuthorities.Where(a => a.Key == key).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in through the page; answers the page landed on.</summary>
    public static async Task<BrowserPage> SignInAsync(BrowserSession browser, string email, string password, string? returnUrl = null)
    {
        var form = await browser.GetAsync("/compte/connexion" + (returnUrl is null ? "" : "?retour=" + Uri.EscapeDataString(returnUrl)));
        return await browser.SubmitAsync(form, new() { ["Email"] = email, ["Password"] = password });
    }

    public static Task<BrowserPage> SignInAsync(BrowserSession browser, TestAccount account) => SignInAsync(browser, account.Email, account.Password);

    /// <summary>A session signed in as a new account of that role.</summary>
    public async Task<(BrowserSession Browser, TestAccount Account)> SignedInAsync(EditorRole role = EditorRole.Correspondent)
    {
        var account = await CreateAccountAsync(role);
        var browser = Browser();
        var page = await SignInAsync(browser, account);
        Assert.Equal("/espace", page.Path);
        return (browser, account);
    }

    /// <summary>The messages written for this address, oldest first.</summary>
    public IReadOnlyList<PickedUpMail> MailTo(string email)
    {
        if (!Directory.Exists(MailDirectory)) return [];
        return Directory.GetFiles(MailDirectory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(p => p, StringComparer.Ordinal)
            .Select(PickedUpMail.Read)
            .Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
