using Atlas.Core.Data;
using Atlas.Web.Hosting;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Atlas.Web.Tests.Caching;

/// <summary>
/// Anonymous pages and API reads come from the output cache (the Age header says so) until the data changes, whoever
/// changes it: a write through EF outside the instance, or through another instance, makes the next read fresh. Own
/// database: it writes. The instances share a fake clock, which a test moves past <see cref="DataVersionReader.ReuseFor"/>
/// (how long an instance reuses the data version it read) instead of waiting.
/// </summary>
public sealed class OutputCacheTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private AtlasApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await AtlasApp.StartAsync(database, services: s => s.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/projets/1")]
    [InlineData("/projets?q=eau")]
    [InlineData("/api/v1/projects/1")]
    [InlineData("/api/v1/projects?limit=5")]
    public async Task A_second_anonymous_read_is_served_from_the_cache(string url)
    {
        using var client = _app.CreateClient();
        using var first = await client.GetAsync(url, Ct);
        using var second = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_write_through_ef_makes_the_next_page_and_api_read_fresh_on_every_instance()
    {
        await using var other = _app.AnotherInstance();
        using var client = _app.CreateClient();
        using var otherClient = other.CreateClient();
        var id = await ProjectIdAsync();
        foreach (var c in new[] { client, otherClient })
        {
            await c.GetStringAsync($"/projets/{id}", Ct);
            await c.GetStringAsync($"/api/v1/projects/{id}", Ct);
            using var cached = await c.GetAsync($"/projets/{id}", Ct);
            Assert.NotNull(cached.Headers.Age);
        }

        const string title = "Titre changé hors de l'instance";
        await using (var db = TestDatabase.CreateContext(_app.ConnectionString))
        {
            await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, title), Ct);
        }
        // Each instance reads the data version at most once a second.
        _clock.Advance(DataVersionReader.ReuseFor);

        foreach (var c in new[] { client, otherClient })
        {
            using var page = await c.GetAsync($"/projets/{id}", Ct);
            Assert.Null(page.Headers.Age);
            Assert.Contains("Titre changé hors de l", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Contains("hors de l", await c.GetStringAsync($"/api/v1/projects/{id}", Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Starting_another_instance_changes_no_data_and_so_keeps_every_cache_and_etag()
    {
        using var client = _app.CreateApiClient();
        var id = await ProjectIdAsync();
        using var first = await client.GetAsync($"/api/v1/projects/{id}", Ct);
        using (var cached = await client.GetAsync($"/api/v1/projects/{id}", Ct)) Assert.NotNull(cached.Headers.Age);

        // A deployment or a scale-out: the new instance migrates and loads the demo data, finding nothing to add.
        await using var other = _app.AnotherInstance();
        using var otherClient = other.CreateApiClient();
        _clock.Advance(DataVersionReader.ReuseFor);

        using var again = await client.GetAsync($"/api/v1/projects/{id}", Ct);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        using var fromOther = await otherClient.GetAsync($"/api/v1/projects/{id}", Ct);
        Assert.Equal(first.Headers.ETag, fromOther.Headers.ETag);
    }

    [Fact]
    public async Task A_save_through_the_instance_own_context_is_visible_on_its_very_next_read()
    {
        using var client = _app.CreateClient();
        var id = await ProjectIdAsync();
        await client.GetStringAsync($"/api/v1/projects/{id}", Ct);
        using (var cached = await client.GetAsync($"/api/v1/projects/{id}", Ct)) Assert.NotNull(cached.Headers.Age);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
            var project = await db.Projects.SingleAsync(p => p.Id == id, Ct);
            project.Title = "Titre enregistré par cette instance";
            await db.SaveChangesAsync(Ct);
        }

        // No waiting: the instance that committed reads the data version afresh.
        using var fresh = await client.GetAsync($"/api/v1/projects/{id}", Ct);
        Assert.Null(fresh.Headers.Age);
        Assert.Contains("Titre enregistré par cette instance", await fresh.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_that_set_a_cookie_or_hold_antiforgery_tokens_are_never_cached()
    {
        using var browser = new BrowserSession(_app);
        using var first = await browser.Client.GetAsync("/compte/connexion", Ct);
        using var second = await browser.Client.GetAsync("/compte/connexion", Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Contains(BrowserSession.AntiforgeryField, await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_a_cached_page_nor_fills_the_cache()
    {
        var fixture = new AccountsAppFixture(database);
        await fixture.InitializeAsync();
        try
        {
            var account = await fixture.CreateAccountAsync(Atlas.Core.Accounts.EditorRole.Administrator, postKey: null);
            using var anonymous = fixture.App.CreateClient();
            using var browser = fixture.Browser();
            await AccountsAppFixture.SignInAsync(browser, account.Email, account.Password);

            // Anonymous fills the cache; the signed-in person is not served from it, twice over.
            await anonymous.GetStringAsync("/", Ct);
            using var signedIn = await browser.Client.GetAsync("/", Ct);
            using var signedInAgain = await browser.Client.GetAsync("/", Ct);
            Assert.Null(signedIn.Headers.Age);
            Assert.Null(signedInAgain.Headers.Age);
            Assert.Contains("data-testid=\"account-link\"", await signedInAgain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            // Nor did the signed-in page land in the cache for anonymous readers.
            using var anonymousAgain = await anonymous.GetAsync("/", Ct);
            var anonymousPage = await anonymousAgain.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("data-testid=\"account-link\"", anonymousPage, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"sign-in-link\"", anonymousPage, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private async Task<int> ProjectIdAsync()
    {
        await using var db = TestDatabase.CreateContext(_app.ConnectionString);
        return await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }
}
