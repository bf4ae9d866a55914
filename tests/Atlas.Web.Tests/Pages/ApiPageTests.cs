using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Pages;

/// <summary>/api: a French page about the API for people, whose examples work against this very portal.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class ApiPageTests(DemoAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_is_in_french_links_to_swagger_and_the_downloads_and_is_a_page_not_an_api_answer()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/api", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        var page = await fixture.App.GetDocumentAsync("/api");
        PageAssertions.IsClean(page);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a[href='/swagger']"));
        Assert.NotNull(page.QuerySelector("a[href='/donnees']"));
        Assert.Contains("L'API de l'atlas", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_example_is_a_curl_line_on_the_public_address_that_answers_200()
    {
        var page = await fixture.App.GetDocumentAsync("/api");
        var examples = page.QuerySelectorAll("[data-testid='api-example']").ToList();
        Assert.True(examples.Count >= 5, $"Only {examples.Count} examples.");
        using var client = fixture.App.CreateClient();
        foreach (var example in examples)
        {
            var path = example.GetAttribute("data-path")!;
            var command = example.QuerySelector("code")!.TextContent;
            Assert.StartsWith("curl ", command, StringComparison.Ordinal);
            Assert.EndsWith($"\"{AtlasApp.PublicBaseUrl}{path}\"", command, StringComparison.Ordinal);

            var method = command.Contains(" -I ", StringComparison.Ordinal) ? HttpMethod.Head : HttpMethod.Get;
            using var response = await client.SendAsync(new HttpRequestMessage(method, path), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/api/")]
    [InlineData("/API")]
    public async Task The_page_answers_with_a_final_slash_or_in_capitals(string url)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_address_under_the_api_still_answers_as_the_api()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/api/v2", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
