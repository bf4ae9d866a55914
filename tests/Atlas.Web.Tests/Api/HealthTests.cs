using System.Text.Json.Nodes;
using Atlas.Web.Tests.Infrastructure;

namespace Atlas.Web.Tests.Api;

[Collection(DemoAppCollection.Name)]
public sealed class HealthTests(DemoAppFixture fixture)
{
    [Fact]
    public async Task Health_reports_the_database()
    {
        using var client = fixture.App.CreateClient();
        var health = JsonNode.Parse(await client.GetStringAsync("/health", TestContext.Current.CancellationToken))!;
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_carry_a_strict_content_security_policy()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/api/v1/projects?limit=1", TestContext.Current.CancellationToken);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(' ', response.Headers.GetValues("X-Content-Type-Options")));
    }
}
