using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Atlas.Core.Accounts;
using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Api;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// Text PostgreSQL cannot store (a NUL, half a surrogate pair, bytes that are not UTF-8) is refused at the boundary: 400
/// naming the field in the API, a French message beside the field on a page, and nothing stored changes. Before the guard,
/// each of these answered 500 (PostgreSQL's 22021, or System.Text.Json's InvalidOperationException).
/// </summary>
public sealed class HostileTextTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> ApiQueries => new()
    {
        { "/api/v1/projects?q=eau%00x", "q" },
        { "/api/v1/authorities?q=f%00s", "q" },
        { "/api/v1/authorities/suggestions?q=Mar%00akech", "q" },
        { "/api/v1/partnerships?q=eau%00", "q" },
        { "/api/v1/organisations?q=%00", "q" },
        { "/api/v1/countries?q=ma%00roc", "q" },
        { "/api/v1/fundings?funder=r%00gion", "funder" },
        { "/api/v1/exports/projects.csv?q=eau%00x", "q" },
        { "/api/v1/projects?country=M%00", "country" },
    };

    [Theory]
    [MemberData(nameof(ApiQueries))]
    public async Task A_nul_in_an_API_parameter_is_a_400_naming_it(string url, string parameter)
    {
        using var response = await fixture.App.CreateApiClient().GetAsync(url, Ct);
        await AssertProblemNamingAsync(response, parameter);
    }

    [Theory]
    [InlineData("/api/v1/projects?q=")]
    [InlineData("/api/v1/exports/projects.csv?q=")]
    [InlineData("/projets?tri=pertinence&q=")]
    public async Task Letters_that_unaccent_turns_into_punctuation_or_nothing_search_like_any_text(string url)
    {
        // A lone combining accent (U+0354), a modifier apostrophe (ʼ U+02BC) and ŉ: unaccent makes them '', ' and 'n,
        // which broke the quoted words of the full-text query (PostgreSQL 42601, a 500 found by the fuzz test).
        foreach (var typed in new[] { "%26%CD%94", "l%CA%BCeau", "%C5%89", "eau%20%CD%94%CD%94" })
        {
            using var response = await fixture.App.CreateApiClient().GetAsync(url + typed, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}{typed} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_nul_in_the_search_box_is_shown_beside_it_in_French()
    {
        using var browser = fixture.Browser();
        var page = await browser.GetAsync("/projets?q=eau%00x&pays=MA");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("caractère nul", page.Text("field-error-q"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_a_map_filter_is_refused_without_an_error()
    {
        using var browser = fixture.Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync("/carte?theme=cult%00ure")).Status);
    }

    [Fact]
    public async Task A_nul_in_a_patched_field_is_a_400_naming_it_and_changes_nothing()
    {
        var (client, id, version) = await EditableProjectAsync();
        var before = await ProjectRowAsync(id);
        using var response = await PatchAsync(client, id, version, """{"objectives":"eau\u0000potable"}""");
        await AssertProblemNamingAsync(response, "objectives");
        Assert.Equal(before, await ProjectRowAsync(id));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_json_body_is_a_400_naming_its_field()
    {
        var (client, id, version) = await EditableProjectAsync();
        var before = await ProjectRowAsync(id);
        using var response = await PatchAsync(client, id, version, """{"objectives":"\ud800"}""");
        await AssertProblemNamingAsync(response, "objectives");
        using var nested = await PatchAsync(client, id, version, """{"fundings":[{"amount":1},{"note":"a\udc00"}]}""");
        await AssertProblemNamingAsync(nested, "fundings[1].note");
        Assert.Equal(before, await ProjectRowAsync(id));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_a_json_body_are_a_400()
    {
        var (client, id, version) = await EditableProjectAsync();
        var body = Encoding.UTF8.GetBytes("""{"objectives":"x?y"}""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/projects/{id}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/merge-patch+json");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request, Ct);
        await AssertProblemNamingAsync(response, "objectives");
    }

    [Fact]
    public async Task A_nul_in_a_new_authoritys_name_is_a_400_and_adds_nothing()
    {
        var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var count = await db.LocalAuthorities.CountAsync(Ct);
        using var response = await client.PostAsync("/api/v1/authorities",
            new StringContent("""{"country":"MA","name":"Commune\u0000de test","kind":"commune-rurale"}""", Encoding.UTF8, "application/json"), Ct);
        await AssertProblemNamingAsync(response, "name");
        Assert.Equal(count, await db.LocalAuthorities.CountAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_field_in_a_patch_is_a_400_and_changes_nothing()
    {
        var (client, id, version) = await EditableProjectAsync();
        var before = await ProjectRowAsync(id);
        using var response = await PatchAsync(client, id, version, """{"objectives":"Nouveaux objectifs","objectivs":"faute de frappe"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("objectivs", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await ProjectRowAsync(id));
    }

    [Fact]
    public async Task A_nul_in_an_edit_form_is_shown_beside_its_field_and_saves_nothing()
    {
        var account = await fixture.CreateAccountAsync(EditorRole.Correspondent, "ambassade-rabat");
        using var browser = fixture.Browser();
        await AccountsAppFixture.SignInAsync(browser, account);
        var id = await fixture.AuthorityIdAsync("ma-commune-sale");
        var form = await browser.GetAsync($"/collectivites/{id}/modifier");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var before = await AuthorityRowAsync(id);

        var refused = await browser.SubmitAsync(form, new() { ["Values.LeaderName"] = "Jamaâ\0El Moatassim" }, followRedirects: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("caractère nul", refused.Text("field-error-Values.LeaderName"), StringComparison.Ordinal);
        Assert.Equal(before, await AuthorityRowAsync(id));
    }

    [Fact]
    public async Task An_address_too_long_for_any_filter_is_a_414_problem()
    {
        using var response = await fixture.App.CreateApiClient().GetAsync("/api/v1/projects?q=" + new string('a', 100_000), Ct);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var page = await fixture.App.CreateClient().GetAsync("/projets?q=" + new string('a', 100_000), Ct);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, page.StatusCode);
        Assert.Contains("data-testid=\"error\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task AssertProblemNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"The problem names {string.Join(", ", errors.Select(e => e.Key))}, not {field}.");
    }

    private async Task<(HttpClient Client, int Id, uint Version)> EditableProjectAsync()
    {
        var client = await ProjectWriteApiTests.RabatClientAsync(fixture);
        var id = await ProjectWriteApiTests.ProjectInAsync(fixture, "MA");
        var (_, version) = await ProjectWriteApiTests.EditableAsync(client, id);
        return (client, id, version);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, int id, uint version, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/projects/{id}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return await client.SendAsync(request, Ct);
    }

    private Task<string> ProjectRowAsync(int id) => RowAsync("projects", id);

    private Task<string> AuthorityRowAsync(int id) => RowAsync("local_authorities", id);

    /// <summary>The whole stored row as PostgreSQL prints it, version included: any change shows.</summary>
    private async Task<string> RowAsync(string table, int id)
    {
        await using var db = TestDatabase.CreateContext(fixture.App.ConnectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT t::text || t.xmin::text FROM {table} t WHERE id = {id}";
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
