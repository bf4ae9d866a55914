using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Atlas.Web.Hosting;

/// <summary>
/// Keeps data-protection keys in PostgreSQL, so that cookies and antiforgery tokens made by one instance are read by all.
/// Always on the primary's data source, never through a request's database route: a key ring refreshed during an anonymous
/// GET would otherwise be read from a replica that may not have replayed a key just made, and a key made during one would
/// be written to a read-only server.
/// </summary>
internal sealed partial class DatabaseXmlRepository(NpgsqlDataSource primary, ILogger<DatabaseXmlRepository> logger) : IXmlRepository
{
    /// <summary>Not the migrator's (0x41544C4153), the stored counts' nor the demo loader's: "ATLASK".</summary>
    private const long AdvisoryLockKey = 0x41544C41534B;

    /// <summary>
    /// ASP.NET Core marks the secret of a key with this attribute (in its own XML namespace) until an encryptor replaces the
    /// element by an encryptedSecret one: an element still carrying it is a secret stored in the clear.
    /// </summary>
    private static readonly XName RequiresEncryption = XNamespace.Get("http://schemas.asp.net/2015/03/dataProtection") + "requiresEncryption";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = primary.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = primary.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>Whether this stored key holds its secret in the clear.</summary>
    public static bool IsUnencrypted(XElement key) =>
        key.Name.LocalName == "key" && key.DescendantsAndSelf().Any(e => (bool?)e.Attribute(RequiresEncryption) == true);

    /// <summary>
    /// At start, under a cluster-wide advisory lock: deletes the keys stored before they were encrypted (when
    /// <paramref name="removeUnencrypted"/>), then loads the key ring, which makes the first key when there is none. Two
    /// instances starting together thus make one key, not one each: the second waits, then finds the first's.
    /// </summary>
    /// <param name="protection">The app's data protection, whose key ring is loaded.</param>
    /// <param name="removeUnencrypted">True when keys are encrypted (a certificate is configured).</param>
    /// <param name="ct">Start-up's cancellation.</param>
    public async Task PrepareKeyRingAsync(IDataProtectionProvider protection, bool removeUnencrypted, CancellationToken ct)
    {
        await using var connection = await primary.OpenConnectionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
            await lockCommand.ExecuteNonQueryAsync(ct);
        try
        {
            if (removeUnencrypted) await RemoveUnencryptedKeysAsync(connection, ct);
            // Protecting anything reads the ring (through this repository, on other connections) and makes its first key if needed.
            protection.CreateProtector("Atlas.KeyRing.Start").Protect([]);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Deletes the keys stored before they were encrypted, so that no dump taken from now on holds a usable one; cookies
    /// they signed stop being accepted (their owners sign in again). Encrypted keys are never touched: another instance may
    /// be signing with one.
    /// </summary>
    private async Task RemoveUnencryptedKeysAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var readable = new List<int>();
        await using (var select = new NpgsqlCommand("SELECT id, xml FROM data_protection_keys", connection))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                if (IsUnencrypted(XElement.Parse(reader.GetString(1)))) readable.Add(reader.GetInt32(0));
        }
        if (readable.Count == 0) return;
        await using var delete = new NpgsqlCommand("DELETE FROM data_protection_keys WHERE id = ANY($1)", connection);
        delete.Parameters.Add(new() { Value = readable.ToArray() });
        await delete.ExecuteNonQueryAsync(ct);
        LogRemoved(logger, readable.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleted {Count} data-protection keys stored unencrypted: sessions they signed have ended, and new keys are encrypted")]
    private static partial void LogRemoved(ILogger logger, int count);
}
