using System.Xml.Linq;
using Atlas.Core.Data;
using Atlas.Core.Data.Infrastructure;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Hosting;

/// <summary>Keeps data-protection keys in PostgreSQL, so that cookies and antiforgery tokens made by one instance are read by all.</summary>
internal sealed partial class DatabaseXmlRepository(IServiceScopeFactory scopes, ILogger<DatabaseXmlRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>
    /// Deletes the keys stored before they were encrypted, so that no dump taken from now on holds a usable one; cookies
    /// they signed stop being accepted (their owners sign in again) and a new, encrypted key is made on first use.
    /// </summary>
    public async Task RemoveUnencryptedKeysAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var keys = await db.DataProtectionKeys.ToListAsync(ct);
        var readable = keys.Where(k => XElement.Parse(k.Xml) is { Name.LocalName: "key" } key && !key.Descendants("encryptedSecret").Any()).ToList();
        if (readable.Count == 0) return;
        db.DataProtectionKeys.RemoveRange(readable);
        await db.SaveChangesAsync(ct);
        LogRemoved(logger, readable.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Deleted {Count} data-protection keys stored unencrypted: sessions they signed have ended, and new keys are encrypted")]
    private static partial void LogRemoved(ILogger logger, int count);
}
