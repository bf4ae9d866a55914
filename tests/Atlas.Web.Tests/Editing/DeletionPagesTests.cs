using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Editing;

/// <summary>Deleting from the portal and the API, and restoring from the administrators' bin, end to end on a real database.</summary>
public sealed class DeletionPagesTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_deletes_a_project_it_leaves_the_public_site_and_an_administrator_restores_it_from_the_bin()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var id = await MoroccanProjectAsync();
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, rabat);

        var project = await browser.GetAsync($"/projets/{id}");
        var link = project.Document.QuerySelector("[data-testid='delete-link']")!.GetAttribute("href");
        Assert.Equal($"/supprimer/projet/{id}", link);
        var confirm = await browser.GetAsync(link!);
        var title = confirm.Document.QuerySelector("[data-testid='record-title']")!.TextContent;
        var done = await browser.SubmitAsync(confirm, form: "[data-testid='delete-form']");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("a été supprimé", done.Document.QuerySelector("[data-testid='notice']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Browser().GetAsync($"/projets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.CreateApiClient().GetAsync($"/api/v1/projects/{id}", Ct)).StatusCode);

        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var adminBrowser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(adminBrowser, admin);
        var bin = await adminBrowser.GetAsync("/admin/corbeille");
        var row = bin.Document.QuerySelector($"[data-testid='deleted-record'][data-kind='Project'][data-id='{id}']")!;
        Assert.Contains(title, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(rabat.Name, row.TextContent, StringComparison.Ordinal);

        var restored = await adminBrowser.SubmitAsync(bin, form: $"[data-testid='deleted-record'][data-id='{id}'] form");
        Assert.Contains("restauré", restored.Document.QuerySelector("[data-testid='notice']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Browser().GetAsync($"/projets/{id}")).Status);
    }

    [Fact]
    public async Task An_authority_still_in_partnerships_is_not_deleted_and_the_page_says_why_in_french()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        var sale = await fixture.AuthorityIdAsync("ma-commune-sale");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, admin);

        var refused = await browser.SubmitAsync(await browser.GetAsync($"/supprimer/collectivite/{sale}"), form: "[data-testid='delete-form']");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("retirez-la d'abord de ces fiches", refused.Document.QuerySelector("[data-testid='form-error']")!.TextContent, StringComparison.Ordinal);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.True(await db.LocalAuthorities.AnyAsync(a => a.Id == sale, Ct));
    }

    [Fact]
    public async Task The_API_asks_for_the_version_refuses_what_others_depend_on_and_restores()
    {
        var admin = await fixture.CreateAccountAsync(EditorRole.Administrator, postKey: null);
        using var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, admin.Id));
        var id = await MoroccanProjectAsync();

        using (var noVersion = await client.DeleteAsync($"/api/v1/projects/{id}", Ct))
            Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);

        var partnership = await PartnershipOfAsync(id);
        using (var blocked = await SendAsync(client, HttpMethod.Delete, $"/api/v1/partnerships/{partnership}", await VersionAsync("partnerships", partnership)))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
            Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType!.MediaType);
            var problem = await blocked.Content.ReadFromJsonAsync<JsonObject>(Ct);
            Assert.Contains("delete them first", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var stale = await SendAsync(client, HttpMethod.Delete, $"/api/v1/projects/{id}", "1"))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using (var deleted = await SendAsync(client, HttpMethod.Delete, $"/api/v1/projects/{id}", await VersionAsync("projects", id)))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var again = await SendAsync(client, HttpMethod.Delete, $"/api/v1/projects/{id}", "1"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        using (var unknownKind = await client.PostAsync($"/api/v1/deleted-records/projet/{id}/restore", null, Ct))
            Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        using (var restored = await client.PostAsync($"/api/v1/deleted-records/project/{id}/restore", null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        using var back = await client.GetAsync($"/api/v1/projects/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string version)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A live Moroccan project no other test of this class uses.</summary>
    private async Task<int> MoroccanProjectAsync()
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains("MA")).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    private async Task<int> PartnershipOfAsync(int project)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.Id == project).Select(p => p.PartnershipId!.Value).SingleAsync(Ct);
    }

    private async Task<string> VersionAsync(string table, int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
#pragma warning disable EF1002 // the table is one of this test's constants
        return (await db.Database.SqlQueryRaw<string>($"SELECT xmin::text AS \"Value\" FROM {table} WHERE id = {{0}}", id).ToListAsync(Ct)).Single();
#pragma warning restore EF1002
    }
}
