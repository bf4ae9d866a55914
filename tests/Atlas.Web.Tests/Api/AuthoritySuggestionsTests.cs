using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

/// <summary>GET /api/v1/authorities/suggestions: typo-tolerant name look-up through the trigram index.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class AuthoritySuggestionsTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Marakech", "Commune urbaine de Marrakech")]
    [InlineData("marrakesh", "Commune urbaine de Marrakech")]
    [InlineData("FES", "Commune urbaine de Fès")]
    public async Task A_misspelt_or_unaccented_name_finds_the_authority_first(string typed, string expected)
    {
        using var client = fixture.App.CreateApiClient();
        var found = await client.GetFromJsonAsync<JsonArray>($"/api/v1/authorities/suggestions?q={Uri.EscapeDataString(typed)}", Ct);
        Assert.NotNull(found);
        Assert.NotEmpty(found);
        Assert.Equal(expected, (string?)found[0]!["name"]);
        var similarities = found.Select(s => (double)s!["similarity"]!).ToList();
        Assert.Equal(similarities.OrderDescending().ToList(), similarities);
        Assert.StartsWith("/api/v1/authorities/", (string?)found[0]!["apiUrl"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=a", "q")]
    [InlineData("q=fes&limit=0", "limit")]
    [InlineData("q=fes&limit=21", "limit")]
    [InlineData("q=fes&country=MA", "country")]
    public async Task Bad_parameters_are_named_in_a_400_problem(string query, string parameter)
    {
        using var client = fixture.App.CreateApiClient();
        using var response = await client.GetAsync($"/api/v1/authorities/suggestions?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]![parameter]);
    }
}
