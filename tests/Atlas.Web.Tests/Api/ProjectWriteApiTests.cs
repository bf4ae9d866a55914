using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Api;

/// <summary>PUT and PATCH /api/v1/projects/{id} with a personal API token: scope, rules, If-Match and the history.</summary>
public sealed class ProjectWriteApiTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_put_with_the_current_version_saves_and_answers_the_new_version()
    {
        var (client, account) = await RabatClientAsync();
        var id = await ProjectInAsync("MA");
        var (record, version) = await EditableAsync(client, id);
        record["title"] = "Titre changé par l'API";

        using var response = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        var newVersion = body["version"]!.GetValue<uint>();
        Assert.NotEqual(version, newVersion);
        Assert.Equal($"\"{newVersion}\"", response.Headers.ETag!.Tag);
        Assert.Equal("Titre changé par l'API", body["record"]!["title"]!.GetValue<string>());

        var project = await fixture.App.CreateApiClient().GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct);
        Assert.Equal("Titre changé par l'API", project!["title"]!.GetValue<string>());
        Assert.Equal(newVersion, project["version"]!.GetValue<uint>());
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var change = await db.ChangeRecords.Where(r => r.ProjectId == id && r.EntityType == "project").OrderByDescending(r => r.Id).FirstAsync(Ct);
        Assert.Equal(account.Name, change.UserName);
        Assert.Equal(account.Id, change.UserId);
        Assert.Contains(change.Changes, c => c.Field == "title" && c.New == "Titre changé par l'API");
    }

    [Fact]
    public async Task The_etag_of_the_editable_record_is_the_if_match_of_the_next_change()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("MA", skip: 2);
        using var editable = await client.GetAsync($"/api/v1/projects/{id}/editable", Ct);
        var version = (await Json(editable))["version"]!.GetValue<uint>();
        Assert.Equal($"\"{version}\"", editable.Headers.ETag!.Tag);

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/projects/{id}")
        {
            Content = new StringContent("""{"form":"Échanges d'expérience"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(editable.Headers.ETag);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_given()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("MA", skip: 1);
        var (record, version) = await EditableAsync(client, id);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/projects/{id}")
        {
            Content = new StringContent("""{"description":"Décrit par un patch"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await Json(response))["record"]!.AsObject();
        Assert.Equal("Décrit par un patch", saved["description"]!.GetValue<string>());
        Assert.Equal(record["title"]!.GetValue<string>(), saved["title"]!.GetValue<string>());
        Assert.Equal(record["fundings"]!.ToJsonString(), saved["fundings"]!.ToJsonString());
    }

    [Fact]
    public async Task Anonymous_and_unknown_tokens_get_401_and_change_nothing()
    {
        var id = await ProjectInAsync("MA");
        var client = fixture.App.CreateApiClient();
        var (record, version) = await EditableAsync(client, id);
        record["title"] = "Anonyme";
        using (var anonymous = await PutAsync(client, id, record, version))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "atl_" + new string('x', 43));
        using (var unknown = await PutAsync(client, id, record, version))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(version, (await EditableAsync(client, id)).Version);
    }

    [Fact]
    public async Task A_token_outside_its_owners_scope_gets_403_and_changes_nothing()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("LB");
        var (record, version) = await EditableAsync(client, id);
        var title = record["title"]!.GetValue<string>();
        record["title"] = "Hors périmètre";

        using var response = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var (after, afterVersion) = await EditableAsync(client, id);
        Assert.Equal(version, afterVersion);
        Assert.Equal(title, after["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_If_Match_the_answer_is_428()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("MA");
        var (record, version) = await EditableAsync(client, id);
        record["title"] = "Sans version";
        using var response = await PutAsync(client, id, record, version: null);
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(version, (await EditableAsync(client, id)).Version);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_409_naming_the_fields_changed_since()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("MA", skip: 2);
        var (record, version) = await EditableAsync(client, id);
        var first = record.DeepClone().AsObject();
        first["title"] = "Premier";
        using (var ok = await PutAsync(client, id, first, version)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        record["description"] = "Second, à partir de l'ancienne version";
        using var stale = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await Json(stale);
        Assert.Contains("title", problem["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("title", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (after, _) = await EditableAsync(client, id);
        Assert.Equal("Premier", after["title"]!.GetValue<string>());
        Assert.NotEqual("Second, à partir de l'ancienne version", after["description"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_record_gets_400_naming_each_field_in_English()
    {
        var (client, _) = await RabatClientAsync();
        var id = await ProjectInAsync("MA");
        var (record, version) = await EditableAsync(client, id);
        record["title"] = " ";
        record["status"] = "forgotten";
        record["fundings"] = new JsonArray(new JsonObject { ["amount"] = -5, ["currency"] = "XXX1", ["funderAuthorityId"] = 1 });

        using var response = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response))["errors"]!.AsObject();
        Assert.Equal("The title is required.", errors["title"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("status"));
        Assert.Equal("An amount must not be negative.", errors["fundings[0].amount"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("fundings[0].currency"));
        Assert.Equal(version, (await EditableAsync(client, id)).Version);
    }

    [Fact]
    public async Task An_unknown_project_is_404()
    {
        var (client, _) = await RabatClientAsync();
        var (record, version) = await EditableAsync(client, await ProjectInAsync("MA"));
        using var response = await PutAsync(client, 987654, record, version);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_authority_editors_change_is_accepted_for_review_and_not_published()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.AuthorityEditor, postKey: null, authorityKey: "fr-commune-woippy");
        using var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(fixture, account.Id));
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var id = await db.Projects.Where(p => p.Key == "woippy--sale--developpement-social-quartiers").Select(p => p.Id).SingleAsync(Ct);
        var before = await db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync(Ct);

        var (record, version) = await EditableAsync(client, id);
        record["title"] = "Titre proposé par Woippy";
        using var response = await PutAsync(client, id, record, version);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("pending", body["status"]!.GetValue<string>());
        Assert.True(body["pendingChangeId"]!.GetValue<long>() > 0);
        var published = await fixture.App.CreateApiClient().GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}", Ct);
        Assert.Equal(before, published!["title"]!.GetValue<string>());
    }

    private async Task<(HttpClient Client, TestAccount Account)> RabatClientAsync()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        return (await RabatClientAsync(fixture, account), account);
    }

    internal static async Task<HttpClient> RabatClientAsync(AccountsAppFixture fixture, TestAccount? account = null)
    {
        account ??= await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var secret = await CreateTokenAsync(fixture, account.Id);
        var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    internal static async Task<string> CreateTokenAsync(AccountsAppFixture fixture, int userId, DateTimeOffset? expiresAt = null)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenStore>().CreateAsync(userId, "test", expiresAt, Ct);
        return created.Secret;
    }

    private Task<int> ProjectInAsync(string country, int skip = 0) => ProjectInAsync(fixture, country, skip);

    internal static async Task<int> ProjectInAsync(AccountsAppFixture fixture, string country, int skip = 0)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Projects.Where(p => p.CountryCodes.Contains(country)).OrderBy(p => p.Id).Select(p => p.Id).Skip(skip).FirstAsync(Ct);
    }

    internal static async Task<(JsonObject Record, uint Version)> EditableAsync(HttpClient client, int id)
    {
        var editable = await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{id}/editable", Ct);
        return (editable!["record"]!.AsObject(), editable["version"]!.GetValue<uint>());
    }

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, int id, JsonObject record, uint? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}") { Content = JsonContent.Create(record) };
        if (version is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return client.SendAsync(request, Ct);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        (await JsonSerializer.DeserializeAsync<JsonObject>(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct))!;
}

/// <summary>
/// Through the API, 50 saves of one version: exactly one wins. On an app of its own: a lost save leaves the change recorder's
/// pending state on the pooled DbContext (EF reports optimistic-concurrency failures to no SaveChanges interceptor hook it uses).
/// </summary>
public sealed class ParallelProjectWriteApiTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    [Fact]
    public async Task Fifty_parallel_puts_of_one_version_save_exactly_once()
    {
        var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA", skip: 0);
        var (record, version) = await ProjectWriteApiTests.EditableAsync(client, id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var body = record.DeepClone().AsObject();
            body["title"] = i % 2 == 0 ? "Écriture parallèle" : $"Écriture parallèle {i}"; // identical bodies too: a stale one is refused even if it changes nothing
            using var response = await ProjectWriteApiTests.PutAsync(client, id, body, version);
            return response.StatusCode;
        }));
        Assert.Equal(1, responses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(s => s == HttpStatusCode.Conflict));
    }
}
