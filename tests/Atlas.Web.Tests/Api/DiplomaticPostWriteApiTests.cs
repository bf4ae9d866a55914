using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api;

/// <summary>GET …/editable, PUT and PATCH /api/v1/diplomatic-posts/{id} with a personal API token: scope, countries, contacts, rules, If-Match.</summary>
public sealed class DiplomaticPostWriteApiTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correspondent_puts_their_posts_contacts_and_a_stale_put_is_a_conflict_naming_them()
    {
        using var client = await ClientAsync(EditorRole.Correspondent, "ambassade-rabat");
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var (record, version) = await EditableAsync(client, id);
        var contacts = record["contacts"]!.AsArray();
        Assert.Equal("frederick.coopdec@gmail.com", contacts[0]!["email"]!.GetValue<string>());
        contacts[0]!["phone"] = "+212 5 37 68 97 00";
        contacts.Add(new JsonObject { ["lastName"] = "API", ["function"] = "Volontaire de solidarité internationale" });

        using var response = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        var newVersion = body["version"]!.GetValue<uint>();
        Assert.Equal($"\"{newVersion}\"", response.Headers.ETag!.Tag);
        var saved = body["record"]!["contacts"]!.AsArray();
        Assert.Equal(3, saved.Count);
        Assert.Equal(("API", "other"), (saved[2]!["lastName"]!.GetValue<string>(), saved[2]!["role"]!.GetValue<string>()));
        Assert.Equal("+212 5 37 68 97 00", saved[0]!["phone"]!.GetValue<string>());

        record["city"] = "Rabat (API)";
        using var stale = await PutAsync(client, id, record, version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await Json(stale);
        var fields = problem["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.Contains($"contact/{contacts[0]!["id"]}.phone", fields);
        Assert.Equal(newVersion, problem["currentVersion"]!.GetValue<uint>());
    }

    [Fact]
    public async Task Rules_scope_and_If_Match_are_those_of_the_portal()
    {
        using var client = await ClientAsync(EditorRole.Correspondent, "ambassade-rabat");
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var beirut = await fixture.PostIdAsync("ambassade-beyrouth");
        var (record, version) = await EditableAsync(client, id);

        record["countries"] = new JsonArray("MA", "MR");
        record["contacts"]!.AsArray()[1]!["email"] = "pas-une-adresse";
        using (var invalid = await PutAsync(client, id, record, version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
            var errors = (await Json(invalid))["errors"]!.AsObject();
            Assert.Contains("Only an administrator", errors["countries"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("e-mail", errors["contacts[1].email"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        using (var noVersion = await PutAsync(client, id, record, version: null))
            Assert.Equal((HttpStatusCode)428, noVersion.StatusCode);
        using (var other = await client.GetAsync($"/api/v1/diplomatic-posts/{beirut}/editable", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using (var anonymous = await fixture.App.CreateApiClient().GetAsync($"/api/v1/diplomatic-posts/{id}/editable", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var missing = await client.GetAsync("/api/v1/diplomatic-posts/999999/editable", Ct))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var editable = await client.GetAsync($"/api/v1/diplomatic-posts/{id}/editable", Ct))
            Assert.Equal((true, true, false), (editable.Headers.CacheControl!.Private, editable.Headers.CacheControl.NoStore, editable.Headers.CacheControl.Public));
    }

    [Fact]
    public async Task A_null_in_a_list_of_the_body_is_a_400_problem_naming_the_item_and_changes_nothing()
    {
        using var client = await ClientAsync(EditorRole.Correspondent, "ambassade-rabat");
        var id = await fixture.PostIdAsync("ambassade-rabat");
        var (record, version) = await EditableAsync(client, id);
        record["contacts"]!.AsArray().Add(null);
        // PUT's body is read by the framework, whose 400 says no more than that; PATCH's merge says which item.
        using (var put = await PutAsync(client, id, record, version))
            Assert.Contains("Bad Request", await AssertBadRequestAsync(put), StringComparison.Ordinal);

        using var patch = await RecordWriteApiTests.PatchAsync(client, $"/api/v1/diplomatic-posts/{id}", """{"countries":[null]}""", version);
        Assert.Contains("Item 0 of the list is null", await AssertBadRequestAsync(patch), StringComparison.Ordinal);
        Assert.Equal(version, (await EditableAsync(client, id)).Version);
    }

    private static async Task<string> AssertBadRequestAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return body;
    }

    [Fact]
    public async Task An_administrator_patches_a_posts_countries_and_the_rest_stays()
    {
        using var client = await ClientAsync(EditorRole.Administrator, null);
        var id = await fixture.PostIdAsync("ambassade-beyrouth");
        var (record, version) = await EditableAsync(client, id);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/diplomatic-posts/{id}")
        {
            Content = new StringContent("""{"countries":["LB","JO"]}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await Json(response))["record"]!;
        Assert.Equal(["JO", "LB"], saved["countries"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(record["name"]!.GetValue<string>(), saved["name"]!.GetValue<string>());
        Assert.Equal(record["contacts"]!.AsArray().Count, saved["contacts"]!.AsArray().Count);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(["JO", "LB"], await db.DiplomaticPostCountries.Where(c => c.DiplomaticPostId == id).Select(c => c.CountryCode).Order().ToListAsync(Ct));
    }

    private async Task<HttpClient> ClientAsync(EditorRole role, string? post)
    {
        var account = await fixture.CreateAccountAsync(role, post);
        var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, account.Id));
        return client;
    }

    private static Task<(JsonObject Record, uint Version)> EditableAsync(HttpClient client, int id) =>
        RecordWriteApiTests.EditableAsync(client, "diplomatic-posts", id);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int id, JsonObject record, uint? version) =>
        RecordWriteApiTests.SendAsync(client, HttpMethod.Put, $"/api/v1/diplomatic-posts/{id}", JsonContent.Create(record), version);

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        (await JsonSerializer.DeserializeAsync<JsonObject>(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct))!;
}
