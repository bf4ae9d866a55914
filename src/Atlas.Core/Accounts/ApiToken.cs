namespace Atlas.Core.Accounts;

/// <summary>
/// A personal API token: it writes through the API on behalf of its owner, within the owner's scope. Only the SHA-256 hash
/// of its secret is kept; the secret itself is shown once, when the token is created.
/// </summary>
public sealed class ApiToken
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int UserId { get; set; }
    /// <summary>What the owner calls it ("script d'import").</summary>
    public required string Name { get; set; }
    public required byte[] SecretHash { get; set; }
    /// <summary>The secret's first characters, so that the owner recognises it in the list.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
