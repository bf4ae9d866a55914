using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Atlas.Core.Accounts;

/// <summary>Creates, lists, revokes and recognises personal API tokens.</summary>
public sealed class ApiTokenStore(AtlasDbContext db, TimeProvider clock)
{
    public const string SecretStart = "atl_";
    public const int PrefixLength = 12;
    private const int SecretBytes = 32;
    /// <summary>How stale "last used" may be: a busy token is not written to on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiToken> CreateAsync(int userId, string name, DateTimeOffset? expiresAt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = SecretStart + Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.Entry(token).State = EntityState.Detached;
        return new CreatedApiToken(token, secret);
    }

    /// <summary>An account's tokens, revoked ones included, newest first.</summary>
    public Task<List<ApiToken>> ListAsync(int userId, CancellationToken ct = default) =>
        db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>Revokes one of the account's tokens; false when it has no such token still valid.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.Set<ApiToken>()
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct).ConfigureAwait(false);
        return revoked == 1;
    }

    /// <summary>
    /// The account a secret stands for, when the token is known, neither revoked nor expired, and its account is enabled and
    /// not locked out; null otherwise. Marks the token as used.
    /// </summary>
    public async Task<AtlasUser?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretStart, StringComparison.Ordinal)) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        var found = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        // A lockout stops every way in, as Identity decides it for the portal: the token is a second door to the same account.
        if (found is null || !found.Token.IsActiveAt(now) || found.User.IsDisabled || IsLockedOut(found.User, now)) return null;

        if (found.Token.LastUsedAt is not { } used || used < now - LastUsedResolution)
        {
            var id = found.Token.Id;
            await db.Set<ApiToken>().Where(t => t.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct).ConfigureAwait(false);
        }
        return found.User;
    }

    private static bool IsLockedOut(AtlasUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd > now;

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
