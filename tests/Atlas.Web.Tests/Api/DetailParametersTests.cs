using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

/// <summary>Endpoints that take no parameter say so rather than ignoring a typo.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class DetailParametersTests(DemoAppFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/projects/1?fields=title")]
    [InlineData("/api/v1/partnerships/1?expand=projects")]
    [InlineData("/api/v1/authorities/1?lang=en")]
    [InlineData("/api/v1/organisations/1?x=1")]
    [InlineData("/api/v1/countries/MA?x=1")]
    [InlineData("/api/v1/themes?depth=1")]
    [InlineData("/api/v1/stats?year=2008")]
    public async Task A_parameter_an_endpoint_does_not_take_is_refused_by_name(string url)
    {
        using var client = fixture.App.CreateApiClient();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var parameter = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('=')[0];
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]![parameter]);
    }
}
