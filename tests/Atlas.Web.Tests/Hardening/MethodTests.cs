using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Hardening;

/// <summary>
/// A page answers the methods it serves and 405 with Allow to the others. Before, Razor Pages rendered a read-only page for a
/// POST or a TRACE without running its handler, and the view failed on the model it never loaded (500).
/// </summary>
public sealed class MethodTests(AccountsAppFixture fixture) : IClassFixture<AccountsAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ReadOnlyPages =>
    [
        "/", "/projets", "/projets/1", "/pays/MA", "/collectivites/1", "/partenariats/1", "/postes/1",
        "/carte", "/statistiques", "/donnees",
    ];

    [Theory]
    [MemberData(nameof(ReadOnlyPages))]
    public async Task Trace_is_refused_with_the_methods_the_page_serves(string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod("TRACE"), url);
        using var response = await fixture.App.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyPages))]
    public async Task A_post_with_a_valid_antiforgery_token_to_a_read_only_page_is_refused(string url)
    {
        using var browser = fixture.Browser();
        var form = await browser.GetAsync("/compte/connexion");
        var token = form.Document.QuerySelector($"input[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!;
        var refused = await browser.PostAsync(url, [new(BrowserSession.AntiforgeryField, token)], followRedirects: false);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("[data-testid='error']"));
    }

    [Theory]
    [InlineData("PROPFIND", "/projets")]
    [InlineData("OPTIONS", "/pays/MA")]
    [InlineData("DELETE", "/projets/1")]
    [InlineData("TRACE", "/compte/connexion")]
    [InlineData("PUT", "/compte/connexion")]
    public async Task Odd_methods_are_refused_with_a_french_page(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await fixture.App.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("data-testid=\"error\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/nulle-part")]
    public async Task Trace_where_no_page_is_finds_nothing(string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod("TRACE"), url);
        using var response = await fixture.App.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_naming_no_handler_to_a_page_of_named_handlers_is_a_400()
    {
        var (browser, _) = await fixture.SignedInAsync();
        using (browser)
        {
            var review = await browser.GetAsync("/relecture");
            var token = review.Document.QuerySelector($"input[name='{BrowserSession.AntiforgeryField}']")!.GetAttribute("value")!;
            var refused = await browser.PostAsync("/relecture", [new(BrowserSession.AntiforgeryField, token)], followRedirects: false);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        }
    }

    [Fact]
    public async Task Trace_on_the_api_is_refused_with_allow()
    {
        using var request = new HttpRequestMessage(new HttpMethod("TRACE"), "/api/v1/projects/1");
        using var response = await fixture.App.CreateApiClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
