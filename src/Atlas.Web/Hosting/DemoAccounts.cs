using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Hosting;

/// <summary>
/// One account per role on the demo data, for trying the editing out: created at start-up in Development only (never in
/// Production), once; an existing account is left as it is. README's "Edit the atlas" lists them.
/// </summary>
public static partial class DemoAccounts
{
    public const string Password = "atlas-demo-2025";

    public sealed record Account(string Email, string Name, EditorRole Role, string? PostKey = null, string? AuthorityKey = null);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@atlas.localhost", "Administratrice de démonstration", EditorRole.Administrator),
        new("rabat@atlas.localhost", "Correspondant à Rabat (démonstration)", EditorRole.Correspondent, PostKey: "ambassade-rabat"),
        new("beyrouth@atlas.localhost", "Correspondante à Beyrouth (démonstration)", EditorRole.Correspondent, PostKey: "ambassade-beyrouth"),
        new("woippy@atlas.localhost", "Éditrice de Woippy (démonstration)", EditorRole.AuthorityEditor, AuthorityKey: "fr-commune-woippy"),
        new("marseille@atlas.localhost", "Éditeur de Marseille (démonstration)", EditorRole.AuthorityEditor, AuthorityKey: "fr-commune-marseille"),
    ];

    public static async Task EnsureAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        foreach (var account in All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            var postId = account.PostKey is null ? null : await db.DiplomaticPosts.Where(p => p.Key == account.PostKey).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            var authorityId = account.AuthorityKey is null ? null : await db.LocalAuthorities.Where(a => a.Key == account.AuthorityKey).Select(a => (int?)a.Id).SingleOrDefaultAsync();
            if ((account.PostKey is not null && postId is null) || (account.AuthorityKey is not null && authorityId is null))
            {
                LogMissingScope(logger, account.Email, account.PostKey ?? account.AuthorityKey!);
                continue;
            }
            var user = new AtlasUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                Role = account.Role,
                DiplomaticPostId = postId,
                LocalAuthorityId = authorityId,
                CreatedAt = time.GetUtcNow(),
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException($"Could not create the demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Code))}");
            LogCreated(logger, account.Email);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo account {Email} (Development only)")]
    private static partial void LogCreated(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No demo account {Email}: the demo data has no record {Key} (Atlas:DemoData=false?)")]
    private static partial void LogMissingScope(ILogger logger, string email, string key);
}
