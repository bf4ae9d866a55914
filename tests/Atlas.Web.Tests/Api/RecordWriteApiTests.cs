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

/// <summary>GET editable, PUT and PATCH of partnerships and authorities with a personal API token: each answer, and the record saved.</summary>
public sealed class RecordWriteApiTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partnership_put_adds_an_authority_and_answers_the_new_version_as_ETag()
    {
        using var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await PartnershipIdAsync("woippy--sale");
        var oujda = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var (record, version) = await EditableAsync(client, "partnerships", id);
        record["authorityIds"]!.AsArray().Add(oujda);
        record["legalFrame"] = "Convention de coopération décentralisée";

        using var response = await SendAsync(client, HttpMethod.Put, $"/api/v1/partnerships/{id}", JsonContent.Create(record), version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var saved = body["version"]!.GetValue<uint>();
        Assert.NotEqual(version, saved);
        Assert.Equal($"\"{saved}\"", response.Headers.ETag!.Tag);
        Assert.Contains(oujda, body["record"]!["authorityIds"]!.AsArray().Select(a => a!.GetValue<int>()));
        Assert.Equal($"/partenariats/{id}", body["url"]!.GetValue<string>());

        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.True(await db.PartnershipAuthorities.AnyAsync(pa => pa.PartnershipId == id && pa.LocalAuthorityId == oujda, Ct));
        Assert.True(await db.Projects.AnyAsync(p => p.PartnershipId == id && p.AuthorityIds.Contains(oujda), Ct));
    }

    [Fact]
    public async Task A_partnership_patch_merges_and_names_rule_errors_by_the_body_fields()
    {
        using var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await PartnershipIdAsync("woippy--sale");
        var (record, version) = await EditableAsync(client, "partnerships", id);

        using (var invalid = await PatchAsync(client, $"/api/v1/partnerships/{id}", """{"title":" ","authorityIds":[999999]}""", version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
            var errors = (await JsonAsync(invalid))["errors"]!;
            Assert.Equal("The title is required.", errors["title"]![0]!.GetValue<string>());
            Assert.Equal("Unknown authority id.", errors["authorityIds[0]"]![0]!.GetValue<string>());
            Assert.NotNull(errors["authorityIds"]);
        }

        using (var patched = await PatchAsync(client, $"/api/v1/partnerships/{id}", """{"domains":"Jeunesse","signedOn":null}""", version))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var saved = (await JsonAsync(patched))["record"]!;
            Assert.Equal("Jeunesse", saved["domains"]!.GetValue<string>());
            Assert.Equal(record["title"]!.GetValue<string>(), saved["title"]!.GetValue<string>());
            Assert.Equal(record["authorityIds"]!.ToJsonString(), saved["authorityIds"]!.ToJsonString());
        }

        using var notJson = await PatchAsync(client, $"/api/v1/partnerships/{id}", "[1]", (await EditableAsync(client, "partnerships", id)).Version);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Theory]
    [InlineData("partnerships")]
    [InlineData("authorities")]
    public async Task Version_scope_and_existence_problems_are_answered_as_problem_json(string resource)
    {
        var id = resource == "partnerships" ? await PartnershipIdAsync("woippy--sale") : await fixture.AuthorityIdAsync("ma-commune-sale");
        var url = $"/api/v1/{resource}/{id}";
        using var rabat = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var (record, version) = await EditableAsync(rabat, resource, id);
        var field = resource == "partnerships" ? "domains" : "leaderTitle";

        // 428 without If-Match, 400 with a weak one: nothing saved.
        record[field] = "Sans version";
        await AssertProblemAsync(await SendAsync(rabat, HttpMethod.Put, url, JsonContent.Create(record), null), (HttpStatusCode)428);
        using (var weak = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(record) })
        {
            weak.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\"", isWeak: true));
            await AssertProblemAsync(await rabat.SendAsync(weak, Ct), HttpStatusCode.BadRequest);
        }
        Assert.Equal(version, (await EditableAsync(rabat, resource, id)).Version);

        // 401 without a token, 403 out of scope, 404 for no record.
        using var anonymous = fixture.App.CreateApiClient();
        await AssertProblemAsync(await SendAsync(anonymous, HttpMethod.Put, url, JsonContent.Create(record), version), HttpStatusCode.Unauthorized);
        using var beirut = await ProjectWriteApiTests.RabatClientAsync(fixture, await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-beyrouth"));
        await AssertProblemAsync(await SendAsync(beirut, HttpMethod.Put, url, JsonContent.Create(record), version), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await SendAsync(rabat, HttpMethod.Put, $"/api/v1/{resource}/999999", JsonContent.Create(record), version), HttpStatusCode.NotFound);
        await AssertProblemAsync(await rabat.GetAsync($"/api/v1/{resource}/999999/editable", Ct), HttpStatusCode.NotFound);
        Assert.Equal(version, (await EditableAsync(rabat, resource, id)).Version);

        // A save, then a second one from the same version: 409 naming the field and its author.
        record[field] = "Premier";
        using (var first = await SendAsync(rabat, HttpMethod.Put, url, JsonContent.Create(record), version))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        record[field] = "Second";
        using var second = await PatchAsync(rabat, url, $$"""{"{{field}}":"Second"}""", version);
        var problem = await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains(problem["fields"]!.AsArray(), f => f!.GetValue<string>().EndsWith("." + field, StringComparison.Ordinal));
        Assert.NotEqual(version, problem["currentVersion"]!.GetValue<uint>());
        Assert.Equal("Premier", (await EditableAsync(rabat, resource, id)).Record[field]!.GetValue<string>());
    }

    [Fact]
    public async Task An_authority_patch_checks_the_French_only_identifiers()
    {
        using var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await fixture.AuthorityIdAsync("ma-commune-oujda");
        var (_, version) = await EditableAsync(client, "authorities", id);
        using var invalid = await PatchAsync(client, $"/api/v1/authorities/{id}", """{"siren":"215707518","population":-3}""", version);
        var errors = (await AssertProblemAsync(invalid, HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("Only French authorities have a SIREN number.", errors["siren"]![0]!.GetValue<string>());
        Assert.Equal("The population must not be negative.", errors["population"]![0]!.GetValue<string>());

        using var saved = await PatchAsync(client, $"/api/v1/authorities/{id}", """{"population":506274,"populationYear":2024}""", version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        Assert.Equal(506274, await db.LocalAuthorities.Where(a => a.Id == id).Select(a => a.Population).SingleAsync(Ct));
    }

    private async Task<int> PartnershipIdAsync(string key)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        return await db.Partnerships.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    internal static async Task<(JsonObject Record, uint Version)> EditableAsync(HttpClient client, string resource, int id)
    {
        var editable = await client.GetFromJsonAsync<JsonObject>($"/api/v1/{resource}/{id}/editable", Ct);
        return (editable!["record"]!.AsObject(), editable["version"]!.GetValue<uint>());
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent content, uint? version)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (version is { } v) request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        return client.SendAsync(request, Ct);
    }

    internal static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string patch, uint? version) =>
        SendAsync(client, HttpMethod.Patch, url, new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"), version);

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await JsonAsync(response);
        }
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await JsonSerializer.DeserializeAsync<JsonObject>(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct))!;
}
