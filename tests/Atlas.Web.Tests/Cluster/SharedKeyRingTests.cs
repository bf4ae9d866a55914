using Atlas.Web.Pages.Compte;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Cluster;

/// <summary>
/// Two web instances started at the same moment on one database, as <c>scripts/cluster.sh</c> or a container orchestrator
/// starts them, sign and read each other's cookies and antiforgery tokens: they share one data-protection key, encrypted,
/// and neither deletes the other's at start.
/// </summary>
public sealed class SharedKeyRingTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_started_together_read_what_the_other_protected()
    {
        var connectionString = await database.CreateDemoDatabaseAsync();
        await using var first = new AtlasApp(connectionString);
        await using var second = new AtlasApp(connectionString);
        // Both hosts start at once, each on a thread of its own: their start-ups (key-ring clean-up, first key) overlap.
        await Task.WhenAll(Task.Run(() => first.Server, Ct), Task.Run(() => second.Server, Ct));

        // One key for the cluster, encrypted: not one each, and not one left readable.
        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
            var key = Assert.Single(keys);
            Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        }

        // What one instance protects (a session cookie, an antiforgery token), the other reads, both ways.
        const string Purpose = "Atlas.Web.Tests.SharedKeyRing";
        var fromFirst = first.Services.GetDataProtector(Purpose).Protect("signé par la première instance");
        var fromSecond = second.Services.GetDataProtector(Purpose).Protect("signé par la seconde instance");
        Assert.Equal("signé par la première instance", second.Services.GetDataProtector(Purpose).Unprotect(fromFirst));
        Assert.Equal("signé par la seconde instance", first.Services.GetDataProtector(Purpose).Unprotect(fromSecond));

        // The sign-in form as nginx may route it: its GET (token and antiforgery cookie) answered by the first instance,
        // its POST by the second, which checks the token and answers the form's own message, not 400.
        using var onFirst = new BrowserSession(first);
        var form = await onFirst.GetAsync("/compte/connexion");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        using var onSecond = new BrowserSession(second);
        onSecond.Cookies.Add(onFirst.Cookies.GetAllCookies());
        var answer = await onSecond.SubmitAsync(form, new() { ["Email"] = "personne@atlas.test", ["Password"] = "un mot de passe assez long" });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ConnexionModel.WrongCredentials, answer.Text("form-error"));
    }

    [Fact]
    public async Task An_instance_starting_later_keeps_the_key_the_running_one_signs_with()
    {
        await using var first = await AtlasApp.StartAsync(database);
        var token = first.Services.GetDataProtector("Atlas.Web.Tests.SharedKeyRing").Protect("avant le redémarrage");

        // A rolling restart: another instance starts while the first keeps serving with the key it holds in memory.
        await using var second = first.AnotherInstance();
        Assert.Equal("avant le redémarrage", second.Services.GetDataProtector("Atlas.Web.Tests.SharedKeyRing").Unprotect(token));
        await using var db = TestDatabase.CreateContext(first.ConnectionString);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Ct));
    }
}
