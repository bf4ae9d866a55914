using System.Security.Cryptography;

namespace Atlas.Web.Hosting;

/// <summary>
/// The hash of a password no one knows, made once by the app's own <see cref="IPasswordHasher{TUser}"/>, so that verifying a
/// password against it costs what verifying a real account's does: what a sign-in with an unknown address verifies.
/// </summary>
public sealed class UnknownAccountPasswordHash
{
    private static readonly AtlasUser Nobody = new();
    private string? _hash;

    /// <summary>Verifies the password against the hash (never a match); false.</summary>
    public bool Verify(IPasswordHasher<AtlasUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        // Made on first use with the hasher of the request (scoped, as Identity registers it); two first uses at once both make one, harmlessly.
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
        return false;
    }
}
