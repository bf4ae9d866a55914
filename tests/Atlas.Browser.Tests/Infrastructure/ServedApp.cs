using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>An account made for a test, with its password.</summary>
public sealed record TestAccount(string Email, string Password, string Name);

/// <summary>The app on its own copy of the demo database, listening on a free loopback TCP port so that a real browser can reach it.</summary>
public sealed class ServedApp(TestDatabase database) : IAsyncLifetime
{
    public AtlasApp App { get; private set; } = null!;

    /// <summary>Where the browser finds the app, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the app writes its mail (a folder of this fixture's own), for a test to open the links a person receives.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), $"atlas-browser-mail-{Guid.NewGuid():N}");

    public async ValueTask InitializeAsync()
    {
        App = new AtlasApp(await database.CreateDemoDatabaseAsync(), new Dictionary<string, string> { ["Atlas:Mail:PickupDirectory"] = MailDirectory });
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    public AtlasDbContext CreateContext() => TestDatabase.CreateContext(App.ConnectionString);

    /// <summary>The text of the messages written for this address, oldest first, as a mail client shows it (MimeKit decodes it).</summary>
    public IReadOnlyList<string> MailTextsTo(string email)
    {
        if (!Directory.Exists(MailDirectory)) return [];
        var texts = new List<string>();
        foreach (var path in Directory.GetFiles(MailDirectory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(p => p, StringComparer.Ordinal))
        {
            using var message = MimeKit.MimeMessage.Load(path);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))) texts.Add(message.TextBody ?? "");
        }
        return texts;
    }

    /// <summary>An administrator, made through the app's own user manager.</summary>
    public async Task<TestAccount> CreateAdministratorAsync(string displayName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var email = $"administrateur-{Guid.NewGuid():N}@test.localhost";
        var password = "un mot de passe assez long";
        var user = new AtlasUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            Role = EditorRole.Administrator, CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestAccount(email, password, displayName);
    }

    /// <summary>An editor of the local authority <paramref name="authorityKey"/>, whose changes wait for review.</summary>
    public async Task<TestAccount> CreateAuthorityEditorAsync(string authorityKey, string displayName)
    {
        var ct = TestContext.Current.CancellationToken;
        int authorityId;
        await using (var db = CreateContext())
        {
            authorityId = await db.LocalAuthorities.Where(a => a.Key == authorityKey).Select(a => a.Id).SingleAsync(ct);
        }
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var email = $"editeur-{Guid.NewGuid():N}@test.localhost";
        var password = "un mot de passe assez long";
        var user = new AtlasUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            Role = EditorRole.AuthorityEditor, LocalAuthorityId = authorityId, CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestAccount(email, password, displayName);
    }

    /// <summary>A correspondent of the diplomatic post <paramref name="postKey"/>, made through the app's own user manager.</summary>
    public async Task<TestAccount> CreateCorrespondentAsync(string postKey, string displayName)
    {
        var ct = TestContext.Current.CancellationToken;
        int postId;
        await using (var db = CreateContext())
        {
            postId = await db.DiplomaticPosts.Where(p => p.Key == postKey).Select(p => p.Id).SingleAsync(ct);
        }
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var email = $"correspondant-{Guid.NewGuid():N}@test.localhost";
        var password = "un mot de passe assez long";
        var user = new AtlasUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            Role = EditorRole.Correspondent, DiplomaticPostId = postId, CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new TestAccount(email, password, displayName);
    }
}
