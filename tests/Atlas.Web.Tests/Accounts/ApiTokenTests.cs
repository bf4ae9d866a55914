using System.Net.Http.Headers;
using Atlas.Core.Accounts;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Accounts;

/// <summary>Personal API tokens: created on /compte/jetons (the secret shown once), used to write, revoked; expired, disabled or locked → 401.</summary>
public sealed class ApiTokenTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_created_on_the_page_writes_as_its_owner_until_it_is_revoked()
    {
        var (browser, account) = await fixture.SignedInAsync(EditorRole.Correspondent);
        using (browser)
        {
            var page = await browser.GetAsync("/compte/jetons");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.TestIdOrNull("no-tokens"));

            var created = await browser.SubmitAsync(page, new() { ["Name"] = "script d'import" }, form: "[data-testid='token-form']");
            Assert.Contains("ne sera plus jamais affiché", created.Text("token-created"), StringComparison.Ordinal);
            var secret = created.Text("token-secret");
            Assert.StartsWith("atl_", secret, StringComparison.Ordinal);
            Assert.Equal(secret[..12] + "…", created.Text("token-prefix"));
            await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            {
                var stored = await db.Set<ApiToken>().SingleAsync(t => t.UserId == account.Id, Ct);
                Assert.Equal(32, stored.SecretHash.Length);
                Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored.SecretHash), StringComparison.Ordinal);
            }

            // Shown once: the list then only has its prefix.
            var again = await browser.GetAsync("/compte/jetons");
            Assert.DoesNotContain(secret, again.Html, StringComparison.Ordinal);
            Assert.Contains(secret[..12], again.Text("token-prefix"), StringComparison.Ordinal);
            Assert.Equal("actif", again.Text("token-state"));

            using var client = fixture.App.CreateApiClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA");
            var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
            record["title"] = "Écrit avec un jeton";
            using (var saved = await ProjectWriteApiTests.PutAsync(client, id, record, version))
                Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            await using (var db = TestDatabase.CreateContext(fixture.App.ConnectionString))
            {
                var change = await db.ChangeRecords.Where(r => r.ProjectId == id).OrderByDescending(r => r.Id).FirstAsync(Ct);
                Assert.Equal(account.Name, change.UserName);
                Assert.NotNull((await db.Set<ApiToken>().SingleAsync(t => t.UserId == account.Id, Ct)).LastUsedAt);
            }

            var listed = await browser.GetAsync("/compte/jetons");
            var revoked = await browser.SubmitAsync(listed, form: "[data-testid='revoke-form']");
            Assert.Contains("révoqué", revoked.Text("notice"), StringComparison.Ordinal);
            Assert.StartsWith("révoqué", revoked.Text("token-state"), StringComparison.Ordinal);

            var (after, afterVersion) = await ProjectWriteApiTests.EditableAsync(client, id);
            after["title"] = "Après révocation";
            using var refused = await ProjectWriteApiTests.PutAsync(client, id, after, afterVersion);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Revoking_needs_the_antiforgery_token_and_only_touches_ones_own_tokens()
    {
        var owner = await fixture.CreateAccountAsync();
        await ProjectWriteApiTests.CreateTokenAsync(fixture, owner.Id);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var tokenId = await db.Set<ApiToken>().Where(t => t.UserId == owner.Id).Select(t => t.Id).SingleAsync(Ct);

        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var page = await browser.GetAsync("/compte/jetons");
            var noToken = await browser.PostAsync($"/compte/jetons?handler=Revoke&id={tokenId}", []);
            Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
            var other = await browser.PostAsync($"/compte/jetons?handler=Revoke&id={tokenId}", BrowserSession.FormValues(page.Form("[data-testid='token-form']")));
            Assert.Contains("n'existe pas", other.Text("notice"), StringComparison.Ordinal);
        }
        Assert.Null((await db.Set<ApiToken>().AsNoTracking().SingleAsync(t => t.Id == tokenId, Ct)).RevokedAt);
    }

    [Fact]
    public async Task An_expired_token_or_one_of_a_disabled_account_gets_401()
    {
        var expiredOwner = await fixture.CreateAccountAsync();
        var expired = await ProjectWriteApiTests.CreateTokenAsync(fixture, expiredOwner.Id, DateTimeOffset.UtcNow.AddMinutes(-1));
        var disabledOwner = await fixture.CreateAccountAsync(change: u => u.IsDisabled = true);
        var disabled = await ProjectWriteApiTests.CreateTokenAsync(fixture, disabledOwner.Id);
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA");

        foreach (var secret in new[] { expired, disabled })
        {
            using var client = fixture.App.CreateApiClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
            record["title"] = "Ne doit pas passer";
            using var response = await ProjectWriteApiTests.PutAsync(client, id, record, version);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(version, (await ProjectWriteApiTests.EditableAsync(client, id)).Version);
        }
    }

    [Fact]
    public async Task A_locked_account_s_token_writes_nothing_while_it_is_locked()
    {
        var owner = await fixture.CreateAccountAsync();
        var secret = await ProjectWriteApiTests.CreateTokenAsync(fixture, owner.Id);
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA");
        using var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await SetLockoutEndAsync(owner.Id, DateTimeOffset.UtcNow + AccountsSetup.LockoutLength);

        var (_, version) = await ProjectWriteApiTests.EditableAsync(client, id);
        using (var refused = await RecordWriteApiTests.PatchAsync(client, $"/api/v1/projects/{id}", """{"title":"Écrit par un compte verrouillé"}""", version))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(version, (await ProjectWriteApiTests.EditableAsync(client, id)).Version);

        // Once the lock is lifted (its quarter of an hour, an administrator, or a new password), the same token writes again.
        await SetLockoutEndAsync(owner.Id, null);
        using var accepted = await RecordWriteApiTests.PatchAsync(client, $"/api/v1/projects/{id}", """{"title":"Écrit une fois le compte déverrouillé"}""", version);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_page_is_for_signed_in_editors()
    {
        using var browser = fixture.Browser();
        var page = await browser.GetAsync("/compte/jetons", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/compte/connexion", page.Location!.AbsolutePath);
    }

    private async Task SetLockoutEndAsync(int userId, DateTimeOffset? end)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AtlasUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await users.SetLockoutEndDateAsync(user!, end)).Succeeded);
    }
}
