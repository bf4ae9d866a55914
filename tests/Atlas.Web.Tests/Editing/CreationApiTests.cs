using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;

namespace Atlas.Web.Tests.Editing;

/// <summary>Creating records through the API: 201 with Location and the record, or a 400 naming the field, never a duplicate.</summary>
public sealed class CreationApiTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_authority_is_created_once_and_a_second_of_the_same_name_is_a_400_naming_the_field()
    {
        using var client = await ClientAsync();
        using var created = await client.PostAsJsonAsync("/api/v1/authorities", new { country = "MA", name = "Commune rurale d'Aït Ourir", kind = "commune-rurale" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal($"/api/v1/authorities/{body!["id"]}", created.Headers.Location!.OriginalString);
        Assert.NotNull(created.Headers.ETag);

        using var again = await client.PostAsJsonAsync("/api/v1/authorities", new { country = "MA", name = "COMMUNE RURALE D'AIT OURIR", kind = "commune-rurale", department = "57" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var errors = (await again.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("department", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task A_new_partnership_needs_a_french_and_a_foreign_authority()
    {
        using var client = await ClientAsync();
        var sale = await fixture.AuthorityIdAsync("ma-commune-sale");
        var woippy = await fixture.AuthorityIdAsync("fr-commune-woippy");
        using var refused = await client.PostAsJsonAsync("/api/v1/partnerships", new { title = "Sans partenaire français", status = "active", authorityIds = new[] { sale } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var created = await client.PostAsJsonAsync("/api/v1/partnerships", new { title = "Woippy – Salé, second accord", status = "active", authorityIds = new[] { sale, woippy } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<int>();
        using var read = await client.GetAsync($"/api/v1/partnerships/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private async Task<HttpClient> ClientAsync()
    {
        var rabat = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        var client = fixture.App.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ProjectWriteApiTests.CreateTokenAsync(fixture, rabat.Id));
        return client;
    }
}
