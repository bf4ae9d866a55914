using Atlas.Core.Data;
using Atlas.Core.Data.Infrastructure;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// The data-protection keys (what signs session and antiforgery cookies) are encrypted in the database, so that a dump alone
/// cannot forge a cookie; production refuses to keep them readable.
/// </summary>
public sealed class KeyRingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_keys_in_the_database_are_encrypted_with_the_certificate()
    {
        await using var app = await AtlasApp.StartAsync(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion", Ct)).StatusCode); // its antiforgery token needs a key

        var keys = await KeysAsync(app.ConnectionString);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Keys_stored_unencrypted_before_are_deleted_at_start()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "old", Xml = UnencryptedKey });
            await db.SaveChangesAsync(Ct);
        }

        await using var app = new AtlasApp(connectionString);
        _ = app.Server;
        Assert.DoesNotContain(await KeysAsync(connectionString), xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_with_a_database_of_its_own_and_no_certificate_refuses_to_start()
    {
        await using var app = new AtlasApp(await database.CreateDemoDatabaseAsync(), new Dictionary<string, string>
        {
            ["Atlas:DataProtection:CertificatePath"] = "",
            ["Atlas:DataProtection:CreateCertificate"] = "false",
        });
        var refused = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Atlas__DataProtection__CertificatePath", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task With_its_private_postgresql_the_app_makes_its_own_certificate_readable_by_it_only()
    {
        var root = Path.Combine(Path.GetTempPath(), $"atlas-local-{Guid.NewGuid():N}");
        try
        {
            await using (var app = new AtlasApp("", new Dictionary<string, string>
            {
                ["Atlas:LocalDatabase:Directory"] = Path.Combine(root, "postgres"),
                ["Atlas:DataProtection:CertificatePath"] = "",
                ["Atlas:DemoData"] = "false",
            }))
            {
                using var client = app.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion", Ct)).StatusCode);
                await using var scope = app.Services.CreateAsyncScope();
                var keys = await scope.ServiceProvider.GetRequiredService<AtlasDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
                Assert.All(keys, xml => Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal));
            }

            var certificate = Path.Combine(root, "keys", "data-protection.pfx");
            Assert.True(File.Exists(certificate));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(certificate)!));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<string>> KeysAsync(string connectionString)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        return await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    // A key as ASP.NET Core wrote it before the ring was encrypted: its secret in the clear.
    private const string UnencryptedKey =
        "<key id=\"0a2b9f4e-1d5c-4f2a-9c1e-6f7a8b9c0d1e\" version=\"1\"><creationDate>2026-01-01T00:00:00Z</creationDate>" +
        "<activationDate>2026-01-01T00:00:00Z</activationDate><expirationDate>2026-04-01T00:00:00Z</expirationDate>" +
        "<descriptor deserializerType=\"Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection\">" +
        "<descriptor><encryption algorithm=\"AES_256_CBC\" /><validation algorithm=\"HMACSHA256\" />" +
        "<masterKey p4:requiresEncryption=\"true\" xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\"><value>c2VjcmV0</value></masterKey>" +
        "</descriptor></descriptor></key>";
}
